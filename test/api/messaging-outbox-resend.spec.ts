import { jest } from '@jest/globals';
import { OutboxMailer } from '#ardoise/messaging';
import { loadConfig, townIdentityOf } from '#ardoise/runtime';
import { seedDemoTown } from '#ardoise/composition';
import { startLocalSmtpServer, type LocalSmtpServer } from '../../libs/messaging/src/testing/local-smtp-server.js';
import { signInStaff } from './reservations-world.js';
import { bodyOf, eventually, startTestApp, type TestApp } from './support/test-app.js';

let app: TestApp;
let smtp: LocalSmtpServer;
const silentLogger = { info: () => undefined } as never;
jest.setTimeout(60_000);

beforeAll(async () => {
  smtp = await startLocalSmtpServer();
  app = await startTestApp({ env: { SMTP_URL: smtp.url, MAIL_RETRY_SECONDS: '1' } });
  await seedDemoTown(app.app, silentLogger);
}, 60_000);
afterAll(async () => {
  await app?.close();
  await smtp?.close();
});

/** An e-mail written last month while the town had no SMTP server (kept, « held »). */
async function heldLastMonth(to: string): Promise<string> {
  const db = app.infrastructure.db;
  await new OutboxMailer(db, { publicUrl: 'https://famille.saint-ardoise.fr', town: townIdentityOf(loadConfig({})), delivery: 'outbox' }).enqueue({
    to,
    template: 'request-reply',
    data: { subject: 'Attestation CAF', path: '/demandes/42' },
  });
  const row = await db.selectFrom('mail_outbox').select('id').where('to', '=', to).executeTakeFirstOrThrow();
  await db
    .updateTable('mail_outbox')
    .set({ created_at: new Date(Date.now() - 30 * 24 * 3600_000) })
    .where('id', '=', row.id)
    .execute();
  return row.id as string;
}

const statusOf = async (id: string) =>
  (await app.infrastructure.db.selectFrom('mail_outbox').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status as string;

describe('e-mails held before SMTP was configured, once it is', () => {
  it('an agent resends one held e-mail: it leaves through SMTP', async () => {
    const agent = await signInStaff(app, 'agent');
    const id = await heldLastMonth('claire.martin@example.fr');
    expect(await statusOf(id)).toBe('held');
    expect(await bodyOf(await agent.get('/outbox/delivery'))).toMatchObject({ smtpConfigured: true });

    const resent = await agent.post(`/outbox/${id}/resend`, {});
    expect(resent.status).toBe(200);
    expect(await bodyOf(resent)).toEqual({ released: 1 });
    // The demo seed's own e-mails go first (one outbox, oldest due first): give it time on a busy machine.
    await eventually(async () => (await statusOf(id)) === 'sent', 45_000);
    expect(smtp.received.some((m) => m.to.includes('claire.martin@example.fr'))).toBe(true);
    expect((await agent.post(`/outbox/${id}/resend`, {})).status).toBe(409); // sent already: nothing twice
  });

  it('« tout renvoyer » sends every held e-mail', async () => {
    const agent = await signInStaff(app, 'agent');
    const ids = [await heldLastMonth('a.bernard@example.fr'), await heldLastMonth('c.petit@example.fr')];
    expect(await bodyOf(await agent.post('/outbox/held/resend', {}))).toEqual({ released: 2 });
    await eventually(async () => (await Promise.all(ids.map(statusOf))).every((s) => s === 'sent'), 45_000);
    expect((await bodyOf(await agent.get('/outbox/delivery'))).held).toBe(0);
  });
});
