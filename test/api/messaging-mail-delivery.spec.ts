import { MAILER, type Mailer } from '#ardoise/runtime';
import { startLocalSmtpServer, type LocalSmtpServer } from '../../libs/messaging/src/testing/local-smtp-server.js';
import { eventually, startTestApp, type TestApp } from './support/test-app.js';

let app: TestApp;
let smtp: LocalSmtpServer;

beforeAll(async () => {
  smtp = await startLocalSmtpServer();
  app = await startTestApp({ env: { SMTP_URL: smtp.url, MAIL_RETRY_SECONDS: '1', MAIL_FROM: 'Mairie de Saint-Ardoise <ne-pas-repondre@saint-ardoise.fr>' } });
});
afterAll(async () => {
  await app?.close();
  await smtp?.close();
});

describe('e-mails through SMTP when it is configured', () => {
  it('the application sends what the outbox holds, retrying after a temporary refusal, and never blocks the caller', async () => {
    smtp.refuseNext(1, 451);
    await app.app
      .get<Mailer>(MAILER)
      .enqueue({ to: 'claire.martin@example.fr', template: 'password-reset', data: { link: 'https://famille.example.fr/r/abc' } });
    // Returned before the delivery (its first attempt is refused, the next one a second later),
    // shown without a clock: nothing was delivered yet when the caller got its answer.
    expect(smtp.received).toHaveLength(0);

    const failedOnce = await eventually(async () => {
      const mail = await app.infrastructure.db.selectFrom('mail_outbox').selectAll().executeTakeFirst();
      return mail && mail.attempts === 1 && mail.status === 'pending' ? mail : undefined;
    });
    expect(failedOnce.last_error).toContain('451');
    expect(smtp.received).toHaveLength(0);

    const sent = await eventually(async () => {
      const mail = await app.infrastructure.db.selectFrom('mail_outbox').selectAll().executeTakeFirst();
      return mail?.status === 'sent' ? mail : undefined;
    });
    expect(sent.attempts).toBe(2);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]).toMatchObject({ from: 'ne-pas-repondre@saint-ardoise.fr', to: ['claire.martin@example.fr'] });
    expect(smtp.received[0]!.raw).toContain('https://famille.example.fr/r/abc');
  });
});
