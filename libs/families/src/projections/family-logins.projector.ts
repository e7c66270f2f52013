import { sql, type Kysely } from 'kysely';
import type { Projector } from '#ardoise/projections';
import type { AccountCreated } from '#ardoise/identity';
import { LOGINS_TABLE } from './read-model.js';

/**
 * Who can sign in to each family: the families' own read model (shown in the family file), folded
 * from identity's published login events. Ids and dates only: the e-mails stay identity's, read
 * through its AccountReader.
 */
export const familyLoginsProjector: Projector = {
  name: 'family-logins',
  version: 1,
  filter: { eventTypes: ['AccountCreated', 'LoginEmailChanged', 'FamilyForgotten'] },
  tables: [
    {
      name: LOGINS_TABLE,
      async create(db: Kysely<any>, t: string) {
        await sql`
          CREATE TABLE ${sql.table(t)} (
            account_id        uuid PRIMARY KEY,
            family_id         uuid NOT NULL,
            guardian_id       uuid,
            created_at        timestamptz NOT NULL,
            email_changed_at  timestamptz
          )`.execute(db);
        await sql`CREATE INDEX ${sql.id(`${t}_family_idx`)} ON ${sql.table(t)} (family_id)`.execute(db);
      },
    },
  ],
  async apply(event, trx, tables) {
    const logins = tables[LOGINS_TABLE]!;
    const at = event.metadata.occurredAt;
    if (event.type === 'AccountCreated') {
      const data = event.data as AccountCreated['data'];
      if (data.role !== 'parent' || !data.familyId) return;
      await trx
        .insertInto(logins)
        .values({ account_id: data.accountId, family_id: data.familyId, guardian_id: data.guardianId, created_at: at })
        .onConflict((oc) => oc.column('account_id').doNothing())
        .execute();
    } else if (event.type === 'LoginEmailChanged') {
      await trx
        .updateTable(logins)
        .set({ email_changed_at: at })
        .where('account_id', '=', (event.data as { accountId: string }).accountId)
        .execute();
    } else if (event.type === 'FamilyForgotten') {
      await trx
        .deleteFrom(logins)
        .where('family_id', '=', (event.data as { familyId: string }).familyId)
        .execute();
    }
  },
};
