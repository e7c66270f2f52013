import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { AppConfig } from '#ardoise/runtime';
import { createTestDatabase, type TestDatabase } from '../../../../../test/support/test-database.js';
import { readDuringProjection } from '../../../../../test/support/read-during-projection.js';
import { familiesProjector } from '../../projections/families.projector.js';
import { familyLoginsProjector } from '../../projections/family-logins.projector.js';
import { FamilyFileHandler } from './family-file.handler.js';
import { FamilyFile } from './family-file.query.js';

/**
 * The family file is read in several statements (the family, its guardians, its children, its
 * logins). A projection's commit between two of them must not show a torn file: the family as
 * it was before an activation beside the children the activation added.
 */
describe('the family file reads one moment of the read models (real PostgreSQL)', () => {
  const FAMILY = '11111111-1111-4111-8111-111111111111';
  const CHILD = '22222222-2222-4222-8222-222222222222';
  let database: TestDatabase;
  let pool: pg.Pool;
  let db: Kysely<any>;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new pg.Pool({ connectionString: database.url, max: 10 });
    db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
    for (const table of [...familiesProjector.tables, ...familyLoginsProjector.tables]) await table.create(db, table.name);
    await db
      .insertInto('families')
      .values({ family_id: FAMILY, status: 'invited', family_name: 'Martin', email: 'martin@example.org', invited_at: new Date(), updated_at: new Date() })
      .execute();
  }, 60_000);

  afterAll(async () => {
    await db.destroy();
    await database.drop();
  }, 60_000);

  it('shows the family and its children of the same moment when an activation is projected during the read', async () => {
    const handler = new FamilyFileHandler(db, { ACTIVATION_LINK_DAYS: 7 } as AppConfig);
    // The activation's projection: the family turns active, then its child, the children's
    // table held until the commit so that the read's later statements come after it.
    const file = await readDuringProjection(
      pool,
      [
        `UPDATE families SET status = 'active', updated_at = now() WHERE family_id = '${FAMILY}'`,
        'LOCK TABLE family_children IN ACCESS EXCLUSIVE MODE',
        `INSERT INTO family_children (child_id, family_id, first_name, last_name, birth_date, registered_at) VALUES ('${CHILD}', '${FAMILY}', 'Léa', 'Martin', '2018-05-04', now())`,
      ],
      'family_children',
      () => handler.execute(new FamilyFile(FAMILY, 'agent')),
    );
    expect({ status: file.status, children: file.children.length }).toEqual(
      file.status === 'active' ? { status: 'active', children: 1 } : { status: 'invited', children: 0 },
    );
  }, 120_000);
});
