import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { sql, type Kysely } from 'kysely';
import { CatalogueReader } from '#ardoise/catalogue';
import { DATABASE } from '#ardoise/database';
import type { ReservationsDatabase } from '../../projections/reservations-database.js';
import { RESERVATION_DAYS_TABLE } from '../../projections/reservations.projector.js';
import { ListWaitingDays } from './list-waiting-days.query.js';
import type { WaitingDays } from './list-waiting-days.view.js';

/** The places left are counted with the capacity the catalogue says now (a raised capacity shows here). */
@QueryHandler(ListWaitingDays)
export class ListWaitingDaysHandler implements IQueryHandler<ListWaitingDays> {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<ReservationsDatabase>,
    @Inject(CatalogueReader) private readonly catalogue: CatalogueReader,
  ) {}

  async execute({ serviceCode, from, to }: ListWaitingDays): Promise<WaitingDays> {
    const service = await this.catalogue.service(serviceCode);
    const rows = await this.db
      .selectFrom(RESERVATION_DAYS_TABLE)
      .select([sql<string>`date::text`.as('day'), 'validated', 'waitlisted'])
      .where('service_code', '=', service.code)
      .where('date', '>=', from)
      .where('date', '<=', to)
      .where('waitlisted', '>', 0)
      .orderBy('date')
      .execute();
    return {
      serviceCode: service.code,
      capacity: service.dailyCapacity,
      days: rows.map((r) => ({
        date: r.day,
        validated: r.validated,
        waitlisted: r.waitlisted,
        free: service.dailyCapacity === null ? r.waitlisted : Math.max(0, service.dailyCapacity - r.validated),
      })),
    };
  }
}
