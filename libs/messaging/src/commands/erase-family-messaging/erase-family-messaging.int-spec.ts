import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { runMigrations } from '#ardoise/database';
import { AccountReader, identityMigrations } from '#ardoise/identity';
import { createTestDatabase, type TestDatabase } from '../../../../../test/support/test-database.js';
import { readDuringProjection } from '../../../../../test/support/read-during-projection.js';
import { ATTACHMENTS_TABLE } from '../../attachments/attachment-store.js';
import { OUTBOX_TABLE } from '../../mail/outbox-mailer.js';
import type { FamilyPersonalData } from '../../privacy/family-personal-data.js';
import { messagingMigrations } from '../../messaging.migrations.js';
import { REQUESTS_TABLE } from '../../projections/erase-family-requests.js';
import { requestsProjector } from '../../projections/requests.projector.js';
import { EraseFamilyMessaging } from './erase-family-messaging.command.js';
import { EraseFamilyMessagingHandler } from './erase-family-messaging.handler.js';

/**
 * Forgetting a family erases messaging's copies twice at once: the erasure command, and the
 * requests projection reacting to `FamilyForgotten` (the same rows, in its own transaction).
 * Both must take their row locks in the same order, or PostgreSQL aborts one of them as a
 * deadlock and the administrator's erasure answers 500 (real PostgreSQL).
 */
/** Only the projector's tables are used here, never its keys. */
const unreadable = {} as FamilyPersonalData;

describe("erasing a family's messaging while the requests projection erases it too (real PostgreSQL)", () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let db: Kysely<any>;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new pg.Pool({ connectionString: database.url, max: 6 });
    db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
    await runMigrations(db, identityMigrations, messagingMigrations);
    for (const table of requestsProjector(unreadable).tables) await table.create(db, table.name);
  }, 60_000);

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  }, 60_000);

  async function aFamilyThatWrote(): Promise<string> {
    const familyId = randomUUID();
    const requestId = randomUUID();
    const at = new Date('2026-03-02T08:00:00Z');
    await db
      .insertInto(REQUESTS_TABLE)
      .values({
        id: requestId,
        family_id: familyId,
        topic: 'qf_proof',
        subject: 'Attestation',
        status: 'open',
        opened_by: 'family',
        opened_at: at,
        last_activity_at: at,
        last_author: 'family',
      })
      .execute();
    await db
      .insertInto(ATTACHMENTS_TABLE)
      .values({
        id: randomUUID(),
        family_id: familyId,
        request_id: requestId,
        file_name: 'avis.pdf',
        media_type: 'application/pdf',
        size: 4,
        sha256: 'x',
        content: Buffer.from('%PDF'),
      })
      .execute();
    await db
      .insertInto(OUTBOX_TABLE)
      .values({
        id: randomUUID(),
        to: 'parent@example.fr',
        template: 'request-reply',
        subject: 'Réponse',
        text: 'Réponse',
        html: '<p>Réponse</p>',
        family_id: familyId,
        status: 'pending',
      })
      .execute();
    return familyId;
  }

  it('completes both, whichever reaches the rows first', async () => {
    const familyId = await aFamilyThatWrote();
    const handler = new EraseFamilyMessagingHandler(db, new AccountReader(db));
    // The projection's transaction: the thread first (held until its commit), then the file and the e-mails.
    await readDuringProjection(
      pool,
      [`UPDATE ${REQUESTS_TABLE} SET subject = NULL, erased = true WHERE family_id = '${familyId}'`],
      REQUESTS_TABLE,
      () => handler.execute(new EraseFamilyMessaging(familyId)),
      [`DELETE FROM ${ATTACHMENTS_TABLE} WHERE family_id = '${familyId}'`, `DELETE FROM ${OUTBOX_TABLE} WHERE family_id = '${familyId}'`],
    );
    expect(await db.selectFrom(OUTBOX_TABLE).select('id').where('family_id', '=', familyId).execute()).toEqual([]);
    expect(await db.selectFrom(ATTACHMENTS_TABLE).select('id').where('family_id', '=', familyId).execute()).toEqual([]);
    expect(await db.selectFrom(REQUESTS_TABLE).select(['subject', 'erased']).where('family_id', '=', familyId).execute()).toEqual([
      { subject: null, erased: true },
    ]);
  });
});
