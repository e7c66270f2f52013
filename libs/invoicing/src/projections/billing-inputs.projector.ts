import { sql, type Kysely } from 'kysely';
import type { RecordedEvent } from '#ardoise/event-store';
import { foldEach, RowSet, type Projector, type Row } from '#ardoise/projections';

export const BILLABLE_DAYS_TABLE = 'invoicing_billable_days';
export const QUOTIENTS_TABLE = 'invoicing_quotients';
export const MANDATES_TABLE = 'invoicing_mandates';

/**
 * What billing needs from the other contexts, in billing's own terms, consumed by event
 * type name (no import of their code): per child × service × day whether it is booked,
 * booked late (deadline overridden), the attendance mark and a justified absence; each
 * family's quotients familiaux with their validity; the direct-debit mandates.
 */
const TYPES = [
  'ReservationValidated',
  'ReservationPromoted',
  'ReservationCancelled',
  'DeadlineOverridden',
  'AbsenceJustified',
  'AttendanceRecorded',
  'QuotientFamilialSet',
  'DirectDebitMandateSigned',
  'DirectDebitMandateRevoked',
];

interface DayRef {
  reservationId: string;
  familyId: string;
  childId: string;
  serviceCode: string;
  date: string;
}

const ATTENDANCE: Record<string, string> = { present: 'present', absent: 'absent', excused: 'excused', present_unbooked: 'present_without_booking' };

export const billingInputsProjector: Projector = {
  name: 'invoicing-billing-inputs',
  version: 2, // 2: folded by batch
  filter: { eventTypes: TYPES },
  holdsRows: true, // every table through RowSets (quotients too: one row per event, seq from its default)
  tables: [
    {
      name: BILLABLE_DAYS_TABLE,
      async create(db: Kysely<any>, t: string) {
        await sql`
          CREATE TABLE ${sql.table(t)} (
            child_id          text NOT NULL,
            service_code      text NOT NULL,
            date              text NOT NULL,
            family_id         text NOT NULL,
            reservation_id    text,
            booked            boolean NOT NULL DEFAULT false,
            late_booking      boolean NOT NULL DEFAULT false,
            attendance        text,
            absence_justified boolean NOT NULL DEFAULT false,
            PRIMARY KEY (child_id, service_code, date)
          )`.execute(db);
      },
      async indexes(db: Kysely<any>, t: string) {
        await sql`CREATE INDEX IF NOT EXISTS ${sql.id(`${t}_date_idx`)} ON ${sql.table(t)} (date, family_id)`.execute(db);
      },
    },
    {
      name: QUOTIENTS_TABLE,
      async create(db: Kysely<any>, t: string) {
        await sql`
          CREATE TABLE ${sql.table(t)} (
            event_id    text PRIMARY KEY,
            seq         bigserial,
            family_id   text NOT NULL,
            amount      integer NOT NULL,
            valid_from  text NOT NULL,
            valid_until text NOT NULL
          )`.execute(db);
        await sql`CREATE INDEX ${sql.id(`${t}_family_idx`)} ON ${sql.table(t)} (family_id, seq)`.execute(db);
      },
    },
    {
      name: MANDATES_TABLE,
      async create(db: Kysely<any>, t: string) {
        await sql`
          CREATE TABLE ${sql.table(t)} (
            family_id         text PRIMARY KEY,
            mandate_reference text NOT NULL,
            signed_on         text NOT NULL,
            active            boolean NOT NULL,
            revoked_on        text
          )`.execute(db);
      },
    },
  ],
  async applyBatch(events, trx, tables, context) {
    const data = (e: RecordedEvent) => e.data as Record<string, any>;
    const dayTypes = new Set([
      'ReservationValidated',
      'ReservationPromoted',
      'ReservationCancelled',
      'DeadlineOverridden',
      'AbsenceJustified',
      'AttendanceRecorded',
    ]);
    const days = new RowSet(trx, { table: tables[BILLABLE_DAYS_TABLE]!, key: ['child_id', 'service_code', 'date'], defaults: DAY_DEFAULTS }, context);
    const mandates = new RowSet(trx, { table: tables[MANDATES_TABLE]!, key: ['family_id'], defaults: MANDATE_DEFAULTS }, context);
    // seq is not among the columns written: it takes its default, in the order the rows are written (the events').
    const quotients = new RowSet(trx, { table: tables[QUOTIENTS_TABLE]!, key: ['event_id'], defaults: QUOTIENT_DEFAULTS }, context);
    const keyOf = (ref: { childId: string; serviceCode: string; date: string }) => ({ child_id: ref.childId, service_code: ref.serviceCode, date: ref.date });
    await days.load(events.filter((e) => dayTypes.has(e.type)).map((e) => keyOf(data(e) as DayRef)));
    await mandates.load(events.filter((e) => e.type.startsWith('DirectDebitMandate')).map((e) => ({ family_id: data(e).familyId })));
    await quotients.load(events.filter((e) => e.type === 'QuotientFamilialSet').map((e) => ({ event_id: e.id })));

    /** Like an upsert whose update may be limited to the same reservation. */
    const upsert = (ref: DayRef | Omit<DayRef, 'reservationId'>, values: Row, onlySameReservation = false) => {
      const existing = days.get(keyOf(ref));
      if (!existing) days.upsert(keyOf(ref), { family_id: ref.familyId, ...values });
      else if (!onlySameReservation || !('reservationId' in ref) || existing.reservation_id === ref.reservationId) days.update(existing, values);
    };
    foldEach(billingInputsProjector.name, events, (event) => {
      const d = data(event);
      switch (event.type) {
        case 'ReservationValidated':
        case 'ReservationPromoted': {
          // A new reservation for the day starts clean; an override already seen for it stays.
          const existing = days.get(keyOf(d as DayRef));
          const same = existing?.reservation_id === d.reservationId;
          upsert(d as DayRef, {
            booked: true,
            late_booking: same ? existing!.late_booking : false,
            absence_justified: same ? existing!.absence_justified : false,
            reservation_id: d.reservationId,
          });
          return;
        }
        case 'ReservationCancelled':
          return upsert(d as DayRef, { booked: false }, true);
        case 'DeadlineOverridden':
          if (d.action !== 'booking') return;
          return upsert(d as DayRef, { reservation_id: d.reservationId, late_booking: d.lateSurcharge === true });
        case 'AbsenceJustified':
          return upsert(d as DayRef, { absence_justified: true }, true);
        case 'AttendanceRecorded':
          return upsert(d as Omit<DayRef, 'reservationId'>, { attendance: ATTENDANCE[d.status] ?? null });
        case 'QuotientFamilialSet':
          // Once per event: delivered again, it is the same row.
          if (!quotients.get({ event_id: event.id }))
            quotients.upsert({ event_id: event.id }, { family_id: d.familyId, amount: d.amount, valid_from: d.validFrom, valid_until: d.validUntil });
          return;
        case 'DirectDebitMandateSigned':
          mandates.upsert({ family_id: d.familyId }, { mandate_reference: d.mandateReference, signed_on: d.signedOn, active: true, revoked_on: null });
          return;
        case 'DirectDebitMandateRevoked':
          mandates.update({ family_id: d.familyId }, { active: false, revoked_on: d.revokedOn });
          return;
      }
    });
    await days.flush();
    await quotients.flush();
    await mandates.flush();
  },
};

const DAY_DEFAULTS: Row = { family_id: null, reservation_id: null, booked: false, late_booking: false, attendance: null, absence_justified: false };
const QUOTIENT_DEFAULTS: Row = { family_id: null, amount: null, valid_from: null, valid_until: null };
const MANDATE_DEFAULTS: Row = { mandate_reference: null, signed_on: null, active: false, revoked_on: null };
