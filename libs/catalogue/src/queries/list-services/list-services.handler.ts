import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import type { ServiceView } from '#ardoise/contracts';
import { SERVICES_TABLE } from '../../projections/services.projector.js';
import { DATABASE } from '#ardoise/database';
import { ListServices } from './list-services.query.js';

@QueryHandler(ListServices)
export class ListServicesHandler implements IQueryHandler<ListServices> {
  constructor(@Inject(DATABASE) private readonly db: Kysely<any>) {}

  async execute(): Promise<ServiceView[]> {
    const rows = await this.db
      .selectFrom(SERVICES_TABLE)
      .select(['code', 'label', 'kind', 'weekdays', 'daily_capacity'])
      .orderBy('code')
      .execute();
    return rows.map((row) => ({
      code: row.code,
      label: row.label,
      kind: row.kind,
      weekdays: row.weekdays,
      dailyCapacity: row.daily_capacity,
    }));
  }
}
