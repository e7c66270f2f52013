import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { runMigrations } from '#ardoise/database';
import { PostgresEventStore, eventStoreMigrations, type EventData, type RecordedEvent } from '#ardoise/event-store';
import { familiesMigrations, familyPersonalData } from '#ardoise/families';
import { identityMigrations } from '#ardoise/identity';
import { applyEvents, physicalTableName, projectionMigrations, type Projector, type TableNames } from '#ardoise/projections';
import { loadConfig, townIdentityOf } from '#ardoise/runtime';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { messagingMigrations } from '../messaging.migrations.js';
import { OutboxMailer } from '../mail/outbox-mailer.js';
import { bindNotificationMailer, notificationsProjector } from './notifications.projector.js';
import { requestNotifications } from './request-notifications.js';
import { requestsProjector } from './requests.projector.js';

/**
 * The requests and notifications projectors fold a whole batch in memory: the same events
 * give the same rows whether they come one per transaction or all in one batch, a family
 * forgotten in the middle of a batch is erased from what came before it, a replayed batch
 * changes nothing, and a staff reply in the batch is e-mailed once, to the login that opened
 * the thread (real PostgreSQL, the families' real keys).
 */
describe('messaging projectors over a batch (real PostgreSQL)', () => {
  let database: TestDatabase;
  let db: Kysely<any>;
  let store: PostgresEventStore;
  let generation = 900;

  beforeAll(async () => {
    database = await createTestDatabase();
    const pool = new pg.Pool({ connectionString: database.url, max: 4 });
    pool.on('error', () => undefined);
    db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
    await runMigrations(db, eventStoreMigrations, projectionMigrations, identityMigrations, messagingMigrations, familiesMigrations);
    store = new PostgresEventStore(pool, { notifyChannel: false });
    bindNotificationMailer(new OutboxMailer(db, { publicUrl: 'https://famille.saint-ardoise.fr', town: townIdentityOf(loadConfig({})), delivery: 'outbox' }));
  }, 60_000);

  afterAll(async () => {
    await store?.close();
    await db?.destroy();
    await database?.drop();
  }, 60_000);

  /** A new generation of the projector's tables. */
  async function tablesOf(projector: Projector): Promise<TableNames> {
    generation += 1;
    const names: Record<string, string> = {};
    for (const table of projector.tables) {
      names[table.name] = physicalTableName(table.name, generation);
      await table.create(db, names[table.name]);
      await table.indexes?.(db, names[table.name]);
    }
    return names;
  }

  const oneBatch = (projector: Projector, tables: TableNames, events: readonly RecordedEvent[]) =>
    db.transaction().execute((trx) => applyEvents(trx, projector, tables, events));
  const oneByOne = async (projector: Projector, tables: TableNames, events: readonly RecordedEvent[]) => {
    for (const event of events) await oneBatch(projector, tables, [event]);
  };
  const rowsOf = async (table: string) => (await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)} ORDER BY 1`.execute(db)).rows;

  const familyA = randomUUID(); // forgotten in the middle of the log
  const familyB = randomUUID(); // two parent logins; the younger one opens the thread
  const firstLoginB = randomUUID();
  const openerLoginB = randomUUID();
  const requestA = randomUUID();
  const legacyA = randomUUID(); // written before requests were sealed: plain text
  const requestB = randomUUID();
  const events: RecordedEvent[] = [];
  let staffReplyB = '';

  function recorded(type: string, data: Record<string, unknown>, actor = { userId: 'agent-1', role: 'agent' }): EventData {
    const at = new Date().toISOString();
    return { id: randomUUID(), type, data, metadata: { actor, correlationId: randomUUID(), causationId: randomUUID(), occurredAt: at, schemaVersion: 1 } };
  }

  beforeAll(async () => {
    const seal = (familyId: string, text: string) => familyPersonalData.seal(familyId, text, db);
    for (const [id, created, email] of [
      [firstLoginB, '2026-09-01T08:00:00Z', 'premier@example.fr'],
      [openerLoginB, '2026-09-02T08:00:00Z', 'second@example.fr'],
    ]) {
      await db
        .insertInto('accounts')
        .values({ id, email, password_hash: 'x', role: 'parent', family_id: familyB, display_name: email, created_at: created })
        .execute();
    }
    const opened = (requestId: string, familyId: string, subject: string, body: string) =>
      recorded(
        'RequestOpened',
        { requestId, familyId, topic: 'other', subject, messageId: randomUUID(), body, author: 'family' },
        { userId: openerLoginB, role: 'parent' },
      );
    const posted = async (requestId: string, familyId: string, body: string) =>
      recorded('RequestMessagePosted', { requestId, familyId, messageId: randomUUID(), body: await seal(familyId, body), author: 'staff' });
    const lateReplyA = await posted(requestA, familyA, 'Réponse tardive');
    const replyB = await posted(requestB, familyB, 'Voici votre attestation');
    staffReplyB = replyB.id;
    const log: [string, EventData][] = [
      [`request-${requestA}`, opened(requestA, familyA, await seal(familyA, 'Attestation CAF'), await seal(familyA, 'Bonjour'))],
      [`request-${legacyA}`, opened(legacyA, familyA, 'Ancienne demande', 'Texte clair')],
      [`request-${requestB}`, opened(requestB, familyB, await seal(familyB, 'Justificatif'), await seal(familyB, 'Merci'))],
      [`request-${requestB}`, replyB],
      [`request-${requestB}`, recorded('RequestClosed', { requestId: requestB, familyId: familyB, author: 'staff' })],
      [`family-${familyA}`, recorded('FamilyForgotten', { familyId: familyA })],
      [`request-${requestA}`, lateReplyA],
      [`request-${requestB}`, recorded('RequestReopened', { requestId: requestB, familyId: familyB, author: 'family' })],
    ];
    for (const [stream, event] of log) await store.append(stream, [event], { expectedRevision: 'any' });
    await sql`DELETE FROM family_keys WHERE family_id = ${familyA}`.execute(db); // forgotten: its key is gone
    for await (const event of store.readAll()) events.push(event);
  }, 60_000);

  it('writes the same threads from one batch as from one event per transaction, a forgotten family erased even in plain text', async () => {
    const projector = requestsProjector(familyPersonalData);
    const single = await tablesOf(projector);
    const batched = await tablesOf(projector);
    await oneByOne(projector, single, events);
    const same = async () => {
      for (const table of projector.tables.map((t) => t.name)) expect(await rowsOf(batched[table]!)).toEqual(await rowsOf(single[table]!));
    };
    await oneBatch(projector, batched, events);
    await same();
    await oneBatch(projector, batched, events); // a replay changes nothing
    await same();
    const threads = await rowsOf(batched['messaging_requests']!);
    expect(threads.map((t) => [t.id, t.subject, t.erased, t.status]).sort()).toEqual(
      [
        [requestA, null, true, 'open'],
        [legacyA, null, true, 'open'],
        [requestB, 'Justificatif', false, 'open'],
      ].sort(),
    );
    const messages = await rowsOf(batched['messaging_request_messages']!);
    expect(messages).toHaveLength(5);
    expect(messages.filter((m) => m.request_id !== requestB).every((m) => m.body === null && m.erased === true)).toBe(true);
    expect(messages.filter((m) => m.request_id === requestB).map((m) => m.body)).toEqual(expect.arrayContaining(['Merci', 'Voici votre attestation']));
  }, 60_000);

  it('e-mails a staff reply once, to the login that opened the thread, from one batch or one event at a time', async () => {
    const projector = notificationsProjector(requestNotifications(familyPersonalData));
    const mine = events.filter((e) => projector.filter.eventTypes!.includes(e.type));
    const single = await tablesOf(projector);
    const batched = await tablesOf(projector);
    await oneBatch(projector, batched, mine);
    await oneBatch(projector, batched, mine); // a replay: no second e-mail
    await oneByOne(projector, single, mine);

    expect(await rowsOf(batched['notification_requests']!)).toEqual(await rowsOf(single['notification_requests']!));
    expect(await rowsOf(batched['notification_requests']!)).toHaveLength(3);
    const mails = await db.selectFrom('mail_outbox').select(['to', 'template', 'dedupe_key', 'family_id', 'subject']).execute();
    expect(mails).toEqual([{ to: 'second@example.fr', template: 'request-reply', dedupe_key: staffReplyB, family_id: familyB, subject: expect.any(String) }]);
  }, 60_000);
});
