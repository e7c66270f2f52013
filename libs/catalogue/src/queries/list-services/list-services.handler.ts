import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import type { ServiceView } from '#ardoise/contracts';
import type { CatalogueDatabase } from '../../projections/catalogue-database.js';
import { SERVICES_TABLE } from '../../projections/services.projector.js';
import { DATABASE } from '#ardoise/database';
import { ListServices } from './list-services.query.js';
import { CatalogueReader } from '../../readers/catalogue-reader.js';

@QueryHandler(ListServices)
export class ListServicesHandler implements IQueryHandler<ListServices> {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<CatalogueDatabase>,
    @Inject(CatalogueReader) private readonly catalogue: CatalogueReader,
  ) {}

  async execute(): Promise<ServiceView[]> {
    const rows = await this.db.selectFrom(SERVICES_TABLE).select(['code', 'label', 'kind', 'weekdays', 'daily_capacity']).orderBy('code').execute();
    // The season (school time or holidays) lives with the règlement, on the prestation's stream.
    const seasons = await Promise.all(rows.map(async (row) => (await this.catalogue.findService(row.code))?.season ?? 'school'));
    return rows.map((row, i) => ({
      code: row.code,
      label: row.label,
      kind: row.kind,
      weekdays: row.weekdays,
      dailyCapacity: row.daily_capacity,
      season: seasons[i]!,
    }));
  }
}
