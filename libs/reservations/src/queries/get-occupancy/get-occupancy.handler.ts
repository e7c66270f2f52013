import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { sql, type Kysely } from 'kysely';
import { CatalogueReader } from '#ardoise/catalogue';
import type { Occupancy } from '#ardoise/contracts';
import { DATABASE } from '#ardoise/database';
import type { ReservationsDatabase } from '../../projections/reservations-database.js';
import { RESERVATION_DAYS_TABLE } from '../../projections/reservations.projector.js';
import { GetOccupancy } from './get-occupancy.query.js';

@QueryHandler(GetOccupancy)
export class GetOccupancyHandler implements IQueryHandler<GetOccupancy> {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<ReservationsDatabase>,
    @Inject(CatalogueReader) private readonly catalogue: CatalogueReader,
  ) {}

  async execute({ serviceCode, from, to }: GetOccupancy): Promise<Occupancy> {
    const service = await this.catalogue.service(serviceCode);
    const rows = await this.db
      .selectFrom(RESERVATION_DAYS_TABLE)
      .select([sql<string>`date::text`.as('day'), 'validated', 'waitlisted', 'submitted'])
      .where('service_code', '=', serviceCode)
      .where('date', '>=', from)
      .where('date', '<=', to)
      .orderBy('date')
      .execute();
    return {
      serviceCode,
      capacity: service.dailyCapacity,
      days: rows.map((r) => ({
        date: r.day,
        validated: r.validated,
        waitlisted: r.waitlisted,
        submitted: r.submitted,
        free: service.dailyCapacity === null ? null : Math.max(0, service.dailyCapacity - r.validated),
      })),
    };
  }
}
