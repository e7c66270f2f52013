import { sql, type Kysely } from 'kysely';
import type { Projector } from '#ardoise/projections';

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
  version: 1,
  filter: { eventTypes: TYPES },
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
        await sql`CREATE INDEX ${sql.id(`${t}_date_idx`)} ON ${sql.table(t)} (date, family_id)`.execute(db);
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
  async apply(event, trx, tables) {
    const days = tables[BILLABLE_DAYS_TABLE];
    const data = event.data as Record<string, any>;
    const key = (ref: { childId: string; serviceCode: string; date: string; familyId: string }) => ({
      child_id: ref.childId,
      service_code: ref.serviceCode,
      date: ref.date,
      family_id: ref.familyId,
    });
    const upsert = async (ref: DayRef | Omit<DayRef, 'reservationId'>, values: Record<string, unknown>, onlySameReservation = false) => {
      const query = trx
        .insertInto(days)
        .values({ ...key(ref), ...values })
        .onConflict((oc) => {
          const update = oc.columns(['child_id', 'service_code', 'date']).doUpdateSet(values);
          return onlySameReservation && 'reservationId' in ref ? update.where(`${days}.reservation_id`, '=', ref.reservationId) : update;
        });
      await query.execute();
    };
    switch (event.type) {
      case 'ReservationValidated':
      case 'ReservationPromoted': {
        const ref = data as DayRef;
        // A new reservation for the day starts clean; an override already seen for it stays.
        await trx
          .insertInto(days)
          .values({ ...key(ref), reservation_id: ref.reservationId, booked: true })
          .onConflict((oc) =>
            oc.columns(['child_id', 'service_code', 'date']).doUpdateSet({
              booked: true,
              late_booking: sql`CASE WHEN ${sql.ref(`${days}.reservation_id`)} = ${ref.reservationId} THEN ${sql.ref(`${days}.late_booking`)} ELSE false END`,
              absence_justified: sql`CASE WHEN ${sql.ref(`${days}.reservation_id`)} = ${ref.reservationId} THEN ${sql.ref(`${days}.absence_justified`)} ELSE false END`,
              reservation_id: ref.reservationId,
            }),
          )
          .execute();
        return;
      }
      case 'ReservationCancelled':
        return upsert(data as DayRef, { booked: false }, true);
      case 'DeadlineOverridden':
        if (data.action !== 'booking') return;
        return upsert(data as DayRef, { reservation_id: data.reservationId, late_booking: true }, false);
      case 'AbsenceJustified':
        return upsert(data as DayRef, { absence_justified: true }, true);
      case 'AttendanceRecorded':
        return upsert(data as Omit<DayRef, 'reservationId'>, { attendance: ATTENDANCE[data.status] ?? null });
      case 'QuotientFamilialSet':
        await trx
          .insertInto(tables[QUOTIENTS_TABLE])
          .values({ event_id: event.id, family_id: data.familyId, amount: data.amount, valid_from: data.validFrom, valid_until: data.validUntil })
          .onConflict((oc) => oc.column('event_id').doNothing())
          .execute();
        return;
      case 'DirectDebitMandateSigned':
        await trx
          .insertInto(tables[MANDATES_TABLE])
          .values({ family_id: data.familyId, mandate_reference: data.mandateReference, signed_on: data.signedOn, active: true, revoked_on: null })
          .onConflict((oc) => oc.column('family_id').doUpdateSet({ mandate_reference: data.mandateReference, signed_on: data.signedOn, active: true, revoked_on: null }))
          .execute();
        return;
      case 'DirectDebitMandateRevoked':
        await trx.updateTable(tables[MANDATES_TABLE]).set({ active: false, revoked_on: data.revokedOn }).where('family_id', '=', data.familyId).execute();
        return;
    }
  },
};
