import { sql, type Kysely, type Transaction } from 'kysely';
import type { Projector, TableNames } from '#ardoise/projections';
import { BASKET_EVENT_TYPES, SERVICE_DAY_EVENT_TYPES, type BasketEvent, type ServiceDayEvent } from '../domain/reservation-events.js';

export const RESERVATION_LINES_TABLE = 'reservation_lines';
export const RESERVATION_DAYS_TABLE = 'reservation_days';
export const ATTENDANCE_TABLE = 'reservation_attendance';

/**
 * Reservations as parents and staff list them: one row per basket line / reservation
 * (its state, waiting-list order, absence, whether it is charged), per service day the
 * counts, and the attendance marks.
 */
export const reservationsProjector: Projector = {
  name: 'reservations',
  version: 1,
  filter: { eventTypes: [...BASKET_EVENT_TYPES, ...SERVICE_DAY_EVENT_TYPES] },
  tables: [
    {
      name: RESERVATION_LINES_TABLE,
      async create(db: Kysely<any>, t: string) {
        await sql`
          CREATE TABLE ${sql.table(t)} (
            reservation_id  uuid PRIMARY KEY,
            family_id       uuid NOT NULL,
            child_id        uuid NOT NULL,
            service_code    text NOT NULL,
            date            date NOT NULL,
            status          text NOT NULL,
            code            text,
            message         text,
            queue_revision  bigint,
            overridden      boolean NOT NULL DEFAULT false,
            override_reason text,
            cancelled_by    text,
            cancel_reason   text,
            absence         text,
            absence_reason  text,
            charged         boolean NOT NULL DEFAULT true,
            requested_at    timestamptz,
            updated_at      timestamptz NOT NULL
          )`.execute(db);
        await sql`CREATE INDEX ${sql.id(`${t}_family_idx`)} ON ${sql.table(t)} (family_id, date)`.execute(db);
        await sql`CREATE INDEX ${sql.id(`${t}_day_idx`)} ON ${sql.table(t)} (service_code, date, status)`.execute(db);
      },
    },
    {
      name: RESERVATION_DAYS_TABLE,
      async create(db: Kysely<any>, t: string) {
        await sql`
          CREATE TABLE ${sql.table(t)} (
            service_code text NOT NULL,
            date         date NOT NULL,
            validated    integer NOT NULL,
            waitlisted   integer NOT NULL,
            submitted    integer NOT NULL,
            PRIMARY KEY (service_code, date)
          )`.execute(db);
      },
    },
    {
      name: ATTENDANCE_TABLE,
      async create(db: Kysely<any>, t: string) {
        await sql`
          CREATE TABLE ${sql.table(t)} (
            service_code   text NOT NULL,
            date           date NOT NULL,
            child_id       uuid NOT NULL,
            family_id      uuid NOT NULL,
            reservation_id uuid,
            status         text NOT NULL,
            recorded_at    timestamptz NOT NULL,
            PRIMARY KEY (service_code, date, child_id)
          )`.execute(db);
      },
    },
  ],
  async apply(recorded, trx, tables) {
    const event = { type: recorded.type, data: recorded.data } as BasketEvent | ServiceDayEvent;
    const at = recorded.metadata.occurredAt;
    const lines = tables[RESERVATION_LINES_TABLE]!;
    const upsert = async (data: { reservationId: string; familyId: string; childId: string; serviceCode: string; date: string }, values: Record<string, unknown>) => {
      await trx
        .insertInto(lines)
        .values({
          reservation_id: data.reservationId,
          family_id: data.familyId,
          child_id: data.childId,
          service_code: data.serviceCode,
          date: data.date,
          updated_at: at,
          status: 'requested',
          ...values,
        })
        .onConflict((oc) => oc.column('reservation_id').doUpdateSet({ ...values, updated_at: at }))
        .execute();
      if ('status' in values) await recount(trx, tables, data.serviceCode, data.date);
    };
    switch (event.type) {
      case 'ReservationRequested':
        await upsert(event.data, { requested_at: at, status: 'requested' });
        return;
      case 'BasketLineRemoved':
        await trx.updateTable(lines).set({ status: 'removed', updated_at: at }).where('reservation_id', '=', event.data.reservationId).execute();
        return;
      case 'ReservationValidated':
      case 'ReservationPromoted':
        await upsert(event.data, { status: 'validated', code: null, message: null });
        return;
      case 'ReservationWaitlisted':
        await upsert(event.data, { status: 'waitlisted', queue_revision: String(recorded.revision) });
        return;
      case 'ReservationSubmitted':
        await upsert(event.data, { status: 'submitted' });
        return;
      case 'ReservationRejected':
        await upsert(event.data, { status: 'rejected', code: event.data.code, message: event.data.message });
        return;
      case 'ReservationCancelled':
        await upsert(event.data, { status: 'cancelled', cancelled_by: event.data.by, cancel_reason: event.data.reason, charged: false });
        return;
      case 'DeadlineOverridden':
        await upsert(event.data, { overridden: true, override_reason: event.data.reason });
        return;
      case 'AbsenceDeclared':
        await upsert(event.data, { absence: 'declared', absence_reason: event.data.reason });
        return;
      case 'AbsenceJustified':
        await upsert(event.data, { absence: 'justified', charged: false });
        return;
      case 'AttendanceRecorded': {
        const d = event.data;
        const markedAt = d.markedAt ?? at;
        await trx
          .insertInto(tables[ATTENDANCE_TABLE]!)
          .values({ service_code: d.serviceCode, date: d.date, child_id: d.childId, family_id: d.familyId, reservation_id: d.reservationId, status: d.status, recorded_at: markedAt })
          // The later mark wins (by when it was taken), whatever the order the tablets sent them in.
          .onConflict((oc) =>
            oc
              .columns(['service_code', 'date', 'child_id'])
              .doUpdateSet({ status: d.status, reservation_id: d.reservationId, recorded_at: markedAt })
              .where(`${tables[ATTENDANCE_TABLE]!}.recorded_at`, '<=', markedAt),
          )
          .execute();
        return;
      }
      default:
        return;
    }
  },
};

async function recount(trx: Transaction<any>, tables: TableNames, serviceCode: string, date: string): Promise<void> {
  const lines = tables[RESERVATION_LINES_TABLE]!;
  await sql`
    INSERT INTO ${sql.table(tables[RESERVATION_DAYS_TABLE]!)} (service_code, date, validated, waitlisted, submitted)
    SELECT ${serviceCode}, ${date}::date,
           count(*) FILTER (WHERE status = 'validated'),
           count(*) FILTER (WHERE status = 'waitlisted'),
           count(*) FILTER (WHERE status = 'submitted')
      FROM ${sql.table(lines)} WHERE service_code = ${serviceCode} AND date = ${date}::date
    ON CONFLICT (service_code, date) DO UPDATE
      SET validated = EXCLUDED.validated, waitlisted = EXCLUDED.waitlisted, submitted = EXCLUDED.submitted`.execute(trx);
}
