import { Kysely, PostgresDialect } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import pg from 'pg';
import { runMigrations } from '#ardoise/database';
import { loadConfig, townIdentityOf } from '#ardoise/runtime';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { messagingMigrations } from '../messaging.migrations.js';
import { startLocalSmtpServer, type LocalSmtpServer } from '../testing/local-smtp-server.js';
import { MailDelivery } from './mail-delivery.js';
import { OutboxMailer } from './outbox-mailer.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('delivering the outbox through SMTP (real PostgreSQL, real local SMTP server)', () => {
  let database: TestDatabase;
  let db: Kysely<any>;
  let smtp: LocalSmtpServer;
  let transport: Transporter;
  let mailer: OutboxMailer;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 4 }) }) });
    await runMigrations(db, messagingMigrations);
    smtp = await startLocalSmtpServer();
    transport = nodemailer.createTransport(smtp.url);
    mailer = new OutboxMailer(db, { publicUrl: 'https://famille.saint-ardoise.fr', town: townIdentityOf(loadConfig({})), delivery: 'smtp' });
  });

  afterAll(async () => {
    transport?.close();
    await smtp?.close();
    await db?.destroy();
    await database?.drop();
  });

  beforeEach(async () => {
    await db.deleteFrom('mail_outbox').execute();
    smtp.received.length = 0;
  });

  const delivery = (over: Partial<ConstructorParameters<typeof MailDelivery>[2]> = {}) =>
    new MailDelivery(
      db,
      transport,
      { from: 'Ardoise <ne-pas-repondre@saint-ardoise.fr>', maxAttempts: 3, retryDelayMs: 10, maxRetryDelayMs: 50, pollMs: 20, ...over },
      quiet,
    );

  const outbox = () => db.selectFrom('mail_outbox').selectAll().orderBy('created_at').execute();

  const aReplyTo = (to: string, dedupeKey?: string) =>
    mailer.enqueue({ to, template: 'request-reply', data: { subject: 'Attestation CAF <2026>', path: '/demandes/42' }, dedupeKey });

  it('sends a pending e-mail once, in French text and HTML, and marks it sent', async () => {
    await aReplyTo('claire.martin@example.fr');
    expect(await delivery().deliverDue()).toBe(1);
    expect(await delivery().deliverDue()).toBe(0);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(['claire.martin@example.fr']);
    expect(smtp.received[0]!.raw).toMatch(/Subject: =\?UTF-8\?Q\?R=C3=A9ponse_=C3=A0_votre_demande\?=|Subject: R.ponse . votre demande/);
    expect(smtp.received[0]!.raw).toContain('text/html');
    const [mail] = await outbox();
    expect(mail).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    expect(mail.sent_at).toBeInstanceOf(Date);
  });

  it('retries a temporary refusal after a delay, then sends, keeping the error without the address', async () => {
    await aReplyTo('paul.durand@example.fr');
    smtp.refuseNext(1, 451);
    expect(await delivery().deliverDue()).toBe(1);
    let [mail] = await outbox();
    expect(mail).toMatchObject({ status: 'pending', attempts: 1 });
    expect(mail.last_error).toContain('451');
    expect(mail.last_error).not.toContain('paul.durand');
    expect(mail.next_attempt_at.getTime()).toBeGreaterThan(Date.now() - 60_000); // set just now (not left at its default), however slow the runner
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await delivery().deliverDue()).toBe(1);
    [mail] = await outbox();
    expect(mail).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
    expect(smtp.received).toHaveLength(1);
  });

  it('gives up after the maximum number of attempts, and at once on a permanent refusal', async () => {
    await aReplyTo('a@example.fr');
    smtp.refuseNext(10, 421);
    const loop = delivery({ maxAttempts: 3 });
    for (let i = 0; i < 3; i++) {
      await loop.deliverDue();
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
    expect(await loop.deliverDue()).toBe(0);
    expect((await outbox())[0]).toMatchObject({ status: 'failed', attempts: 3 });

    await db.deleteFrom('mail_outbox').execute();
    await aReplyTo('b@example.fr');
    smtp.refuseNext(1, 550);
    await loop.deliverDue();
    expect((await outbox())[0]).toMatchObject({ status: 'failed', attempts: 1 });
    expect(smtp.received).toHaveLength(0);
  });

  it('the running loop delivers what is enqueued while it runs, and stops cleanly', async () => {
    smtp.refuseNext(0, 451);
    const loop = delivery();
    loop.start();
    await aReplyTo('c@example.fr');
    const deadline = Date.now() + 30_000; // catches a loop that never delivers, not a loaded runner
    while (smtp.received.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    await loop.stop();
    expect(smtp.received.map((m) => m.to[0])).toEqual(['c@example.fr']);
  });

  it('produces one e-mail per dedupe key, and none is sent with no SMTP configured (held)', async () => {
    await aReplyTo('d@example.fr', 'event-1');
    await aReplyTo('d@example.fr', 'event-1');
    const held = new OutboxMailer(db, { publicUrl: 'https://famille.saint-ardoise.fr', town: townIdentityOf(loadConfig({})), delivery: 'outbox' });
    await held.enqueue({ to: 'e@example.fr', template: 'password-reset', data: { link: 'https://x.fr/r/abc' } });
    expect((await outbox()).map((m) => [m.to, m.status])).toEqual([
      ['d@example.fr', 'pending'],
      ['e@example.fr', 'held'],
    ]);
    await delivery().deliverDue();
    expect(smtp.received.map((m) => m.to[0])).toEqual(['d@example.fr']);
    expect((await outbox()).map((m) => m.status)).toEqual(['sent', 'held']);
  });
});

describe('e-mails held while no SMTP server was configured', () => {
  let database: TestDatabase;
  let db: Kysely<any>;
  let smtp: LocalSmtpServer;
  let transport: Transporter;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 4 }) }) });
    await runMigrations(db, messagingMigrations);
    smtp = await startLocalSmtpServer();
    transport = nodemailer.createTransport(smtp.url);
  });

  afterAll(async () => {
    transport?.close();
    await smtp?.close();
    await db?.destroy();
    await database?.drop();
  });

  it('the delivery job, started once SMTP is set, sends the recent held e-mails and leaves last month’s for staff to resend', async () => {
    const heldMailer = new OutboxMailer(db, { publicUrl: 'https://famille.saint-ardoise.fr', town: townIdentityOf(loadConfig({})), delivery: 'outbox' });
    const reply = { template: 'request-reply' as const, data: { subject: 'Attestation CAF', path: '/demandes/42' } };
    await heldMailer.enqueue({ to: 'recent@example.fr', ...reply });
    await heldMailer.enqueue({ to: 'old@example.fr', ...reply });
    await db
      .updateTable('mail_outbox')
      .set({ created_at: new Date(Date.now() - 30 * 24 * 3600_000) })
      .where('to', '=', 'old@example.fr')
      .execute();
    expect((await db.selectFrom('mail_outbox').select('status').execute()).map((m) => m.status)).toEqual(['held', 'held']);

    const delivery = new MailDelivery(
      db,
      transport,
      { from: 'Ardoise <ne-pas-repondre@saint-ardoise.fr>', maxAttempts: 3, retryDelayMs: 10, maxRetryDelayMs: 50, pollMs: 20 },
      quiet,
    );
    delivery.start();
    try {
      // Until the recent one is sent (2 s were once the bound: short on a loaded runner).
      for (const deadline = Date.now() + 30_000; smtp.received.length === 0 && Date.now() < deadline;) await new Promise((r) => setTimeout(r, 20));
      const status = async (to: string) => (await db.selectFrom('mail_outbox').select('status').where('to', '=', to).executeTakeFirstOrThrow()).status;
      expect(await status('recent@example.fr')).toBe('sent');
      expect(await status('old@example.fr')).toBe('held');
      expect(smtp.received.map((m) => m.to)).toEqual([['recent@example.fr']]);
    } finally {
      await delivery.stop();
    }
  });
});
