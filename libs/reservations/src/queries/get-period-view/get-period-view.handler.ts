import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { sql, type Kysely, type Transaction } from 'kysely';
import { CatalogueReader, describeDeadlineRule } from '#ardoise/catalogue';
import { addDays, mondayOf, monthEnd, monthStart } from '#ardoise/kernel';
import { CLOCK, type Clock } from '#ardoise/commands';
import type { CellState, PeriodCell, PeriodView } from '#ardoise/contracts';
import { DATABASE, inOneSnapshot } from '#ardoise/database';
import { FamilyChildrenReader } from '#ardoise/families';
import { childOfFamily } from '../../children/child-of-family.js';
import { Baskets } from '../../basket/baskets.js';
import type { ReservationsDatabase } from '../../projections/reservations-database.js';
import { RESERVATION_DAYS_TABLE, RESERVATION_LINES_TABLE } from '../../projections/reservations.projector.js';
import { bookingTerms } from '../../service-day/booking-terms.js';
import { GetPeriodView } from './get-period-view.query.js';

/** Each cell: the child's reservation if any, else what the family may still do that day (and until when). */
@QueryHandler(GetPeriodView)
export class GetPeriodViewHandler implements IQueryHandler<GetPeriodView> {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<ReservationsDatabase>,
    @Inject(CatalogueReader) private readonly catalogue: CatalogueReader,
    @Inject(FamilyChildrenReader) private readonly children: FamilyChildrenReader,
    @Inject(Baskets) private readonly baskets: Baskets,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ familyId, childId, view, date }: GetPeriodView): Promise<PeriodView> {
    await childOfFamily(this.children, familyId, childId);
    const from = view === 'month' ? monthStart(date) : mondayOf(date);
    const to = view === 'month' ? monthEnd(date) : addDays(from, 6);
    const [services, calendar, basket] = await Promise.all([this.catalogue.services(), this.catalogue.calendar(), this.baskets.current(familyId)]);
    const { lines, counts, ranks } = await inOneSnapshot(this.db, (db) => this.reservations(db, childId, from, to));
    const now = this.clock.now();
    const days: string[] = [];
    for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);

    return {
      childId,
      view,
      from,
      to,
      previous: view === 'month' ? monthStart(from, -1) : addDays(from, -7),
      next: view === 'month' ? monthStart(from, 1) : addDays(from, 7),
      services: services.map((service) => ({
        code: service.code,
        label: service.label,
        booking: service.booking ? describeDeadlineRule(service.booking) : null,
        cancellation: service.cancellation ? describeDeadlineRule(service.cancellation) : null,
        days: days.map((day): PeriodCell => {
          const terms = bookingTerms(service, calendar, day, now);
          const line = lines.find((l) => l.service_code === service.code && l.day === day);
          const requested = [...basket.pending.values()].find((p) => p.childId === childId && p.serviceCode === service.code && p.date === day);
          const base = { date: day, reservationId: null, waitlistRank: null, waitlistNextRank: null, closedLabel: null, absence: null };
          const count = counts.find((c) => c.service_code === service.code && c.day === day);
          const full = service.dailyCapacity !== null && Number(count?.validated ?? 0) >= service.dailyCapacity;
          const waitlistNextRank = full ? Number(count?.waitlisted ?? 0) + 1 : null;
          if (line) {
            const validated = line.status === 'validated';
            return {
              ...base,
              state: line.status as CellState,
              reservationId: line.reservation_id,
              waitlistRank: ranks.get(line.reservation_id) ?? null,
              absence: line.absence,
              canChange: validated ? !terms.cancellation.passed : true,
              deadline: validated ? terms.cancellation.at : null,
            };
          }
          if (terms.closed) return { ...base, state: 'closed', canChange: false, deadline: null, closedLabel: terms.closed.label };
          if (requested)
            return { ...base, state: 'requested', reservationId: requested.reservationId, waitlistNextRank, canChange: true, deadline: terms.booking.at };
          if (terms.booking.passed || terms.phase.kind === 'not_open_yet') {
            return { ...base, state: 'past_deadline', canChange: false, deadline: terms.booking.at };
          }
          return { ...base, state: full ? 'full' : 'free', waitlistNextRank, canChange: true, deadline: terms.booking.at };
        }),
      })),
    };
  }

  /**
   * The child's reservations, the days' counts and the waiting lists' ranks, of one moment (a
   * snapshot): a projection's commit between them cannot show a place taken beside counts that
   * do not have it yet.
   */
  private async reservations(db: Transaction<ReservationsDatabase>, childId: string, from: string, to: string) {
    const lines = await db
      .selectFrom(RESERVATION_LINES_TABLE)
      .select(['reservation_id', 'service_code', sql<string>`date::text`.as('day'), 'status', 'queue_revision', 'absence'])
      .where('child_id', '=', childId)
      .where('date', '>=', from)
      .where('date', '<=', to)
      .where('status', 'in', ['validated', 'waitlisted', 'submitted'])
      .execute();
    const counts = await db
      .selectFrom(RESERVATION_DAYS_TABLE)
      .select(['service_code', sql<string>`date::text`.as('day'), 'validated', 'waitlisted'])
      .where('date', '>=', from)
      .where('date', '<=', to)
      .execute();
    const ranks = await this.waitlistRanks(
      db,
      lines.filter((l) => l.status === 'waitlisted').map((l) => l.reservation_id),
    );
    return { lines, counts, ranks };
  }

  /** Current positions on the waiting lists (1 = next to get a place). */
  private async waitlistRanks(db: Transaction<ReservationsDatabase>, reservationIds: string[]): Promise<Map<string, number>> {
    if (reservationIds.length === 0) return new Map();
    const rows = await sql<{ reservation_id: string; rank: number }>`
      SELECT reservation_id, rank FROM (
        SELECT reservation_id, row_number() OVER (PARTITION BY service_code, date ORDER BY queue_revision) AS rank
          FROM ${sql.table(RESERVATION_LINES_TABLE)} w
         WHERE status = 'waitlisted'
           AND (service_code, date) IN (SELECT service_code, date FROM ${sql.table(RESERVATION_LINES_TABLE)} WHERE reservation_id = ANY(${reservationIds}::uuid[]))
      ) ranked WHERE reservation_id = ANY(${reservationIds}::uuid[])`.execute(db);
    return new Map(rows.rows.map((r) => [r.reservation_id, Number(r.rank)]));
  }
}
