import { DEMO_STAFF } from '#ardoise/identity';
import { seedDemoTown } from '#ardoise/composition';
import { cpuByNiceSince, threadsNow } from '../support/thread-cpu.js';
import { HttpClient } from './support/http-client.js';
import { bodyOf, startTestApp, type TestApp } from './support/test-app.js';

/**
 * A sign-in's password is checked (argon2id) in the password hasher's threads, at the lowest
 * CPU priority, an unknown e-mail's decoy alike; past its bound a sign-in is refused with 503
 * and Retry-After, and nothing is counted or written. The app runs in this process, so its
 * threads are read from /proc/self/task.
 */
const silentLogger = { info: () => undefined } as never;
const staff = (role: string) => DEMO_STAFF.find((s) => s.role === role)!;

let app: TestApp; // TRUST_PROXY=loopback: each request says its own client address
let narrow: TestApp; // one hashing thread, no queue
beforeAll(async () => {
  app = await startTestApp({ env: { TRUST_PROXY: 'loopback' } });
  narrow = await startTestApp({ env: { TRUST_PROXY: 'loopback', PASSWORD_HASH_THREADS: '1', PASSWORD_HASH_QUEUE: '0' } });
  await seedDemoTown(app.app, silentLogger);
  await seedDemoTown(narrow.app, silentLogger);
}, 60_000);
afterAll(async () => {
  await app?.close();
  await narrow?.close();
}, 30_000);

let address = 0;
const login = (on: TestApp, email: string, password: string) =>
  new HttpClient(on.baseUrl).post('/auth/login', { email, password }, { 'x-forwarded-for': `198.51.100.${(++address % 250) + 1}` });
/** What a 401 says, without what differs on every answer. */
const said = async (response: Response) => {
  const { correlationId: _, ...body } = await bodyOf(response);
  return { status: response.status, body };
};

describe('sign-in password checks', () => {
  it('checks the password in a thread at the lowest priority, and an unknown e-mail against a decoy in the same way', async () => {
    await login(app, staff('agent').email, 'Mauvais-mot-de-passe-1'); // the threads start
    const cpuOf = async (email: string) => {
      const before = threadsNow();
      const answers = [];
      for (let i = 0; i < 12; i++) answers.push(await said(await login(app, email, `Mauvais-mot-de-passe-${i}`)));
      return { answers, cpuMs: cpuByNiceSince(before)[19] ?? 0 };
    };
    const wrong = await cpuOf(staff('agent').email);
    const unknown = await cpuOf('personne@example.fr');
    expect(new Set([...wrong.answers, ...unknown.answers].map((a) => JSON.stringify(a)))).toEqual(
      new Set([JSON.stringify({ status: 401, body: (await said(await login(app, 'x@example.fr', 'y'))).body })]),
    );
    // 12 argon2id checks each (≈ 10 ms apiece), done at nice 19, in about the same CPU time.
    expect(wrong.cpuMs).toBeGreaterThan(50);
    expect(unknown.cpuMs).toBeGreaterThan(50);
    expect(unknown.cpuMs / wrong.cpuMs).toBeGreaterThan(0.5);
    expect(unknown.cpuMs / wrong.cpuMs).toBeLessThan(2);
  });

  it('refuses sign-ins past the bound with 503 and Retry-After, counting no failure and opening no session', async () => {
    const db = narrow.infrastructure.db;
    const eventsBefore = Number(
      (
        await db
          .selectFrom('events')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    // Side by side: wrong passwords for one account, the right one for another, each from its own address.
    const [wrongs, rights] = await Promise.all([
      Promise.all(Array.from({ length: 30 }, (_, i) => login(narrow, staff('agent').email, `Mauvais-mot-de-passe-${i}`))),
      Promise.all(Array.from({ length: 30 }, () => login(narrow, staff('finance').email, staff('finance').password))),
    ]);
    const refused = [...wrongs, ...rights].filter((r) => r.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    expect(wrongs.every((r) => [401, 503].includes(r.status))).toBe(true);
    expect(rights.every((r) => [200, 503].includes(r.status))).toBe(true);
    for (const response of refused) {
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.headers.get('retry-after')).toBe('5'); // PASSWORD_HASH_WAIT_MS, 5 s by default
      expect(response.headers.get('set-cookie')).toBeNull();
      expect(await bodyOf(response)).toMatchObject({
        status: 503,
        code: 'AUTH.BUSY',
        title: 'Beaucoup de connexions sont en cours : réessayez dans 5 secondes.',
        retryAfterSeconds: 5,
      });
    }
    // Only the passwords checked count: a failure for each 401, a session for each 200, no event.
    const attempts = await db
      .selectFrom('login_attempts')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(attempts.n)).toBe(wrongs.filter((r) => r.status === 401).length);
    const finance = await db.selectFrom('accounts').select('id').where('email', '=', staff('finance').email).executeTakeFirstOrThrow();
    const sessions = await db
      .selectFrom('sessions')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('account_id', '=', finance.id)
      .executeTakeFirstOrThrow();
    expect(Number(sessions.n)).toBe(rights.filter((r) => r.status === 200).length);
    const eventsAfter = Number(
      (
        await db
          .selectFrom('events')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(eventsAfter).toBe(eventsBefore);
  });
});
