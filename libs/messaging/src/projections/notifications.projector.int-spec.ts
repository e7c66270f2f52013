import { randomUUID } from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { runMigrations } from '#ardoise/database';
import { eventStoreMigrations, PostgresEventStore, type EventData, type RecordedEvent } from '#ardoise/event-store';
import { loadConfig, townIdentityOf, type MailMessage } from '#ardoise/runtime';
import { OutboxMailer } from '../mail/outbox-mailer.js';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { messagingMigrations } from '../messaging.migrations.js';
import { bindNotificationMailer, NOTIFICATION_MAX_AGE_MS, notificationsProjector, type NotificationSource } from './notifications.projector.js';

/**
 * What the builders of other contexts rely on (invoicing's "paiement reçu" reads its invoice
 * only when the e-mail is to be written): the notifications projector's outbox keys, on a real
 * database, batch after batch as a rebuild replays them.
 */
describe('the notifications projector writes each e-mail once (real PostgreSQL)', () => {
  let database: TestDatabase;
  let db: Kysely<any>;
  let store: PostgresEventStore;
  const built: string[] = [];
  const mail = (to: string): MailMessage => ({ to, template: 'password-reset', data: { link: 'https://famille.saint-ardoise.fr/r/1' } });
  /** A source that only makes e-mails. */
  const mailsOnly: NotificationSource = {
    mails: {
      async Told(event) {
        built.push(`told ${event.id}`);
        return mail('told@example.fr');
      },
    },
  };
  /** A source that keeps a table its later e-mails need. */
  const keepsTable: NotificationSource = {
    tables: [
      {
        name: 'kept_facts',
        async create(target, table) {
          await sql`CREATE TABLE ${sql.table(table)} (event_id uuid PRIMARY KEY)`.execute(target);
        },
      },
    ],
    mails: {
      async Kept(event, { trx, tables }) {
        built.push(`kept ${event.id}`);
        await trx
          .insertInto(tables['kept_facts']!)
          .values({ event_id: event.id })
          .onConflict((oc) => oc.column('event_id').doNothing())
          .execute();
        return mail('kept@example.fr');
      },
    },
  };
  const projector = notificationsProjector(mailsOnly, keepsTable);
  const tables = { kept_facts: 'kept_facts__test' };

  const recorded = async (...types: string[]): Promise<RecordedEvent[]> => {
    const stream = `notified-${randomUUID()}`;
    const events: EventData[] = types.map((type) => ({
      id: randomUUID(),
      type,
      data: {},
      metadata: {
        actor: { userId: 'test', role: 'agent' },
        correlationId: randomUUID(),
        causationId: randomUUID(),
        occurredAt: new Date().toISOString(),
        schemaVersion: 1,
      },
    }));
    await store.append(stream, events, { expectedRevision: 'no_stream' });
    const read: RecordedEvent[] = [];
    for await (const event of store.readStream(stream)) read.push(event);
    return read;
  };
  const apply = (events: RecordedEvent[]) => db.transaction().execute((trx) => projector.applyBatch!(events, trx, tables, {}));
  const outbox = () => db.selectFrom('mail_outbox').select(['to', 'dedupe_key']).orderBy('to').execute();

  beforeAll(async () => {
    database = await createTestDatabase();
    const pool = new pg.Pool({ connectionString: database.url, max: 4 });
    db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
    await runMigrations(db, eventStoreMigrations, messagingMigrations);
    store = new PostgresEventStore(pool);
    await keepsTable.tables![0]!.create(db, tables.kept_facts);
    bindNotificationMailer(new OutboxMailer(db, { publicUrl: 'https://famille.saint-ardoise.fr', town: townIdentityOf(loadConfig({})), delivery: 'outbox' }));
  });
  afterAll(async () => {
    await store?.close();
    await db?.destroy();
    await database?.drop();
  });
  beforeEach(async () => {
    built.length = 0;
    await db.deleteFrom('mail_outbox').execute();
  });

  it('keys each e-mail by its event; replayed, a builder that only makes e-mails is not run again, one that keeps a table is, and nothing is written twice', async () => {
    const [told, kept] = await recorded('Told', 'Kept');
    await apply([told!, kept!]);
    expect(built).toEqual([`told ${told!.id}`, `kept ${kept!.id}`]);
    expect(await outbox()).toEqual([
      { to: 'kept@example.fr', dedupe_key: kept!.id },
      { to: 'told@example.fr', dedupe_key: told!.id },
    ]);

    built.length = 0;
    await apply([told!, kept!]); // the same events again: a rebuild of the notifications
    expect(built).toEqual([`kept ${kept!.id}`]);
    expect(await outbox()).toHaveLength(2);
  });

  it('writes no e-mail about an event older than the limit; only the builder that keeps a table runs', async () => {
    const old = (event: RecordedEvent): RecordedEvent => ({ ...event, recordedAt: new Date(Date.now() - NOTIFICATION_MAX_AGE_MS - 60_000) });
    const [told, kept] = (await recorded('Told', 'Kept')).map(old);
    await apply([told!, kept!]);
    expect(built).toEqual([`kept ${kept!.id}`]);
    expect(await outbox()).toEqual([]);
    expect(await db.selectFrom(tables.kept_facts).select('event_id').where('event_id', '=', kept!.id).execute()).toHaveLength(1);
  });
});
