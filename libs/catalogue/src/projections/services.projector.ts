import { sql, type Kysely } from 'kysely';
import type { Projector } from '#ardoise/projections';
import { SERVICE_CAPACITY_CHANGED, SERVICE_DEFINED, type ServiceCapacityChanged, type ServiceDefined } from '../domain/catalogue-events.js';

export const SERVICES_TABLE = 'catalogue_services';

/** The prestations, as the portal and the staff list them. */
export const servicesProjector: Projector = {
  name: 'catalogue-services',
  version: 2,
  filter: { eventTypes: [SERVICE_DEFINED, SERVICE_CAPACITY_CHANGED] },
  tables: [
    {
      name: SERVICES_TABLE,
      async create(db: Kysely<any>, physicalName: string) {
        await sql`
          CREATE TABLE ${sql.table(physicalName)} (
            code            text PRIMARY KEY,
            label           text NOT NULL,
            kind            text NOT NULL,
            weekdays        smallint[] NOT NULL,
            daily_capacity  integer,
            defined_at      timestamptz NOT NULL
          )`.execute(db);
      },
    },
  ],
  async apply(event, trx, tables) {
    if (event.type === SERVICE_CAPACITY_CHANGED) {
      const { code, dailyCapacity } = event.data as ServiceCapacityChanged['data'];
      await trx.updateTable(tables[SERVICES_TABLE]).set({ daily_capacity: dailyCapacity }).where('code', '=', code).execute();
      return;
    }
    if (event.type !== SERVICE_DEFINED) return;
    const service = event.data as ServiceDefined['data'];
    await trx
      .insertInto(tables[SERVICES_TABLE])
      .values({
        code: service.code,
        label: service.label,
        kind: service.kind,
        weekdays: service.weekdays,
        daily_capacity: service.dailyCapacity,
        defined_at: event.metadata.occurredAt,
      })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  },
};
