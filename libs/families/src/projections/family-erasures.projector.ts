import { sql, type Kysely } from 'kysely';
import type { Projector } from '#ardoise/projections';
import type { FamilyForgotten } from '../domain/family-events.js';

/** Logical name of the erasures read model (a view onto the active generation). */
export const ERASURES_TABLE = 'family_erasures';

/**
 * Past RGPD erasures, for the admins' list: which family id, when, by whom (an account id and
 * role from the event's metadata). No personal data: the name went with the key.
 */
export const familyErasuresProjector: Projector = {
  name: 'family-erasures',
  version: 1,
  filter: { eventTypes: ['FamilyForgotten'] },
  tables: [
    {
      name: ERASURES_TABLE,
      async create(db: Kysely<any>, t: string) {
        await sql`
          CREATE TABLE ${sql.table(t)} (
            family_id     uuid PRIMARY KEY,
            forgotten_at  timestamptz NOT NULL,
            actor_id      text NOT NULL,
            actor_role    text NOT NULL
          )`.execute(db);
      },
    },
  ],
  async apply(event, trx, tables) {
    const { familyId } = event.data as FamilyForgotten['data'];
    await trx
      .insertInto(tables[ERASURES_TABLE]!)
      .values({ family_id: familyId, forgotten_at: event.metadata.occurredAt, actor_id: event.metadata.actor.userId, actor_role: event.metadata.actor.role })
      .onConflict((oc) => oc.column('family_id').doNothing())
      .execute();
  },
};
