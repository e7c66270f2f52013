import { sql, type Kysely } from 'kysely';
import type { RecordedEvent } from '#ardoise/event-store';
import { foldEach, RowSet, type Projector, type Row } from '#ardoise/projections';
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
  // 2: folded by batch, day counters by delta (a removed line leaves the counts at once)
  // 3: a refusal kept as its code and why the day is closed (closed_reason, closed_name), no words
  version: 3,
  filter: { eventTypes: [...BASKET_EVENT_TYPES, ...SERVICE_DAY_EVENT_TYPES] },
  holdsRows: true,
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
            closed_reason   text,
            closed_name     text,
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
      },
      async indexes(db: Kysely<any>, t: string) {
        await sql`CREATE INDEX IF NOT EXISTS ${sql.id(`${t}_family_idx`)} ON ${sql.table(t)} (family_id, date)`.execute(db);
        await sql`CREATE INDEX IF NOT EXISTS ${sql.id(`${t}_day_idx`)} ON ${sql.table(t)} (service_code, date, status)`.execute(db);
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
  async applyBatch(events, trx, tables, context) {
    const lines = new RowSet(trx, { table: tables[RESERVATION_LINES_TABLE]!, key: ['reservation_id'], defaults: LINE_DEFAULTS }, context);
    const days = new RowSet(trx, { table: tables[RESERVATION_DAYS_TABLE]!, key: ['service_code', 'date'], defaults: DAY_DEFAULTS }, context);
    const attendance = new RowSet(trx, { table: tables[ATTENDANCE_TABLE]!, key: ['service_code', 'date', 'child_id'], defaults: ATTENDANCE_DEFAULTS }, context);
    const asEvent = (recorded: RecordedEvent) => ({ type: recorded.type, data: recorded.data }) as BasketEvent | ServiceDayEvent;

    // 1. Load every row the batch touches, one query per table.
    const lineKeys = events
      .filter((e) => e.type !== 'AttendanceRecorded')
      .map((e) => ({ reservation_id: (e.data as { reservationId: string }).reservationId }));
    await lines.load(lineKeys);
    // The days the batch may count in, each once: a handful, where the events name one each.
    const dayDates = new Map<unknown, Set<unknown>>();
    const addDay = (service: unknown, date: unknown) => {
      let dates = dayDates.get(service);
      if (!dates) dayDates.set(service, (dates = new Set()));
      dates.add(date);
    };
    for (const key of lineKeys) {
      const line = lines.get(key);
      if (line) addDay(line.service_code, line.date);
    }
    for (const e of events) {
      const d = e.data as { serviceCode?: string; date?: string };
      if (d.serviceCode && d.date) addDay(d.serviceCode, d.date);
    }
    await days.load([...dayDates].flatMap(([service_code, dates]) => [...dates].map((date) => ({ service_code, date }))));
    await attendance.load(
      events
        .filter((e) => e.type === 'AttendanceRecorded')
        .map((e) => {
          const d = e.data as { serviceCode: string; date: string; childId: string };
          return { service_code: d.serviceCode, date: d.date, child_id: d.childId };
        }),
    );

    // 2. Fold in memory: day counters move by delta when a line changes status.
    const count = (status: unknown) => (status === 'validated' || status === 'waitlisted' || status === 'submitted' ? status : undefined);
    const setLine = (data: LineRef, at: string, values: Row) => {
      const key = { reservation_id: data.reservationId };
      const existing = lines.get(key);
      const before = existing?.status;
      let line: Row;
      if (existing) {
        line = Object.assign(existing, values);
        line.updated_at = at;
        lines.touch(line);
      } else {
        line = lines.upsert(key, {
          family_id: data.familyId,
          child_id: data.childId,
          service_code: data.serviceCode,
          date: data.date,
          ...values,
          updated_at: at,
        });
      }
      if (!('status' in values)) return;
      const day = days.upsert({ service_code: line.service_code, date: line.date }, {});
      const was = count(before);
      const now = count(line.status);
      if (was !== now) {
        if (was) day[was] = Number(day[was]) - 1;
        if (now) day[now] = Number(day[now]) + 1;
      }
    };
    foldEach(reservationsProjector.name, events, (recorded) => {
      const event = asEvent(recorded);
      const at = recorded.metadata.occurredAt;
      switch (event.type) {
        case 'ReservationRequested':
          return setLine(event.data, at, { requested_at: at, status: 'requested' });
        case 'BasketLineRemoved': {
          const line = lines.get({ reservation_id: event.data.reservationId });
          if (!line) return;
          const ref = {
            reservationId: event.data.reservationId,
            familyId: String(line.family_id),
            childId: String(line.child_id),
            serviceCode: String(line.service_code),
            date: String(line.date),
          };
          return setLine(ref, at, { status: 'removed' });
        }
        case 'ReservationValidated':
        case 'ReservationPromoted':
          return setLine(event.data, at, { status: 'validated', code: null, closed_reason: null, closed_name: null });
        case 'ReservationWaitlisted':
          return setLine(event.data, at, { status: 'waitlisted', queue_revision: String(recorded.revision) });
        case 'ReservationSubmitted':
          return setLine(event.data, at, { status: 'submitted' });
        case 'ReservationRejected':
          return setLine(event.data, at, {
            status: 'rejected',
            code: event.data.code,
            closed_reason: event.data.dayClosed?.reason ?? null,
            closed_name: event.data.dayClosed?.name ?? null,
          });
        case 'ReservationCancelled':
          return setLine(event.data, at, { status: 'cancelled', cancelled_by: event.data.by, cancel_reason: event.data.reason, charged: false });
        case 'DeadlineOverridden':
          return setLine(event.data, at, { overridden: true, override_reason: event.data.reason });
        case 'AbsenceDeclared':
          return setLine(event.data, at, { absence: 'declared', absence_reason: event.data.reason });
        case 'AbsenceJustified':
          return setLine(event.data, at, { absence: 'justified', charged: false });
        case 'AttendanceRecorded': {
          const d = event.data;
          const key = { service_code: d.serviceCode, date: d.date, child_id: d.childId };
          // The later mark wins (by when it was taken on the tablet), whatever the order the tablets sent them in.
          const markedAt = d.markedAt ?? at;
          const current = attendance.get(key)?.recorded_at;
          const currentAt = current instanceof Date ? current.getTime() : typeof current === 'string' ? Date.parse(current) : -Infinity;
          if (currentAt > Date.parse(markedAt)) return;
          attendance.upsert(key, { family_id: d.familyId, reservation_id: d.reservationId, status: d.status, recorded_at: markedAt });
          return;
        }
        default:
          return;
      }
    });

    // 3. Write each touched row once.
    await lines.flush();
    await days.flush();
    await attendance.flush();
  },
};

interface LineRef {
  reservationId: string;
  familyId: string;
  childId: string;
  serviceCode: string;
  date: string;
}

const LINE_DEFAULTS: Row = {
  family_id: null,
  child_id: null,
  service_code: null,
  date: null,
  status: 'requested',
  code: null,
  closed_reason: null,
  closed_name: null,
  queue_revision: null,
  overridden: false,
  override_reason: null,
  cancelled_by: null,
  cancel_reason: null,
  absence: null,
  absence_reason: null,
  charged: true,
  requested_at: null,
  updated_at: null,
};
const DAY_DEFAULTS: Row = { validated: 0, waitlisted: 0, submitted: 0 };
const ATTENDANCE_DEFAULTS: Row = { family_id: null, reservation_id: null, status: null, recorded_at: null };
