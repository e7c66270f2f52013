import http from 'node:http';
import { sql } from 'kysely';
import { DEMO_STAFF } from '#ardoise/identity';
import { seedDemoTown } from '#ardoise/composition';
import { HttpClient } from './support/http-client.js';
import { bodyOf, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Wrong passwords slow down the client that types them, not the account: nobody can lock a
 * parent out on the morning of the opening. Client addresses come from X-Forwarded-For only
 * when the proxy is trusted (TRUST_PROXY).
 */
const silentLogger = { info: () => undefined } as never;
const staff = (role: string) => DEMO_STAFF.find((s) => s.role === role)!;

let behindProxy: TestApp; // TRUST_PROXY=loopback: the tests' 127.0.0.1 is the town's proxy
let direct: TestApp; // no trusted proxy, portal in https
beforeAll(async () => {
  behindProxy = await startTestApp({ env: { TRUST_PROXY: 'loopback' } });
  direct = await startTestApp({ env: { PUBLIC_URL: 'https://famille.saint-ardoise.fr' } });
  await seedDemoTown(behindProxy.app, silentLogger);
  await seedDemoTown(direct.app, silentLogger);
}, 60_000);
afterAll(async () => {
  await behindProxy?.close();
  await direct?.close();
}, 30_000);
afterEach(async () => {
  await behindProxy.infrastructure.db.deleteFrom('login_attempts').execute();
  await direct.infrastructure.db.deleteFrom('login_attempts').execute();
});

const login = (app: TestApp, email: string, password: string, from?: string) =>
  new HttpClient(app.baseUrl).post('/auth/login', { email, password }, from ? { 'x-forwarded-for': from } : {});

/** Pretends `seconds` went by for the throttle (every recorded attempt moves back in time). */
async function letTimePass(app: TestApp, seconds: number): Promise<void> {
  await sql`UPDATE login_attempts SET at = at - make_interval(secs => ${seconds})`.execute(app.infrastructure.db);
}

describe('login throttling by account and client address', () => {
  it('lets the right password through from another address while one address hammers the account', async () => {
    const { email, password } = staff('agent');
    const attacker = '203.0.113.66';
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await login(behindProxy, email, `Wrong-${i}-password!`, attacker)).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);

    const refused = await login(behindProxy, email, password, attacker);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(30);
    expect(await bodyOf(refused)).toMatchObject({ status: 429, code: 'AUTH.TOO_MANY_ATTEMPTS', retryAfterSeconds: retryAfter });
    expect((await bodyOf(await login(behindProxy, email, password, attacker))).title).toMatch(/^Trop de tentatives .* Réessayez dans \d+ secondes?\.$/);

    const parent = await login(behindProxy, email, password, '198.51.100.7');
    expect(parent.status).toBe(200);
  });

  it('makes the same client wait longer after each new failure', async () => {
    const { email } = staff('finance');
    const from = '203.0.113.77';
    for (let i = 0; i < 5; i++) expect((await login(behindProxy, email, `Wrong-${i}-password!`, from)).status).toBe(401);
    const waits: number[] = [];
    for (let round = 0; round < 3; round++) {
      const refused = await login(behindProxy, email, 'Still-wrong-2026!', from);
      expect(refused.status).toBe(429);
      const wait = Number(refused.headers.get('retry-after'));
      waits.push(wait);
      await letTimePass(behindProxy, wait);
      expect((await login(behindProxy, email, `Wrong-again-${round}!`, from)).status).toBe(401);
    }
    expect(waits[1]).toBeGreaterThan(waits[0]!);
    expect(waits[2]).toBeGreaterThan(waits[1]!);
  });

  it('ignores X-Forwarded-For from a client that is not a trusted proxy', async () => {
    const { email, password } = staff('auditor');
    for (let i = 0; i < 5; i++) {
      expect((await login(direct, email, `Wrong-${i}-password!`, `198.51.100.${i + 10}`)).status).toBe(401);
    }
    // A new made-up address each time does not buy new tries: the client is still 127.0.0.1.
    const refused = await login(direct, email, password, '198.51.100.99');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('the session cookie', () => {
  it('is Secure when PUBLIC_URL is https, even when the request says localhost', async () => {
    const { email, password } = staff('admin');
    const response = await login(direct, email, password);
    expect(response.status).toBe(200);
    const cookies = response.headers.getSetCookie();
    expect(cookies.find((c) => c.startsWith('ardoise_session='))).toMatch(/;\s*Secure/i);
    expect(cookies.find((c) => c.startsWith('XSRF-TOKEN='))).toMatch(/;\s*Secure/i);
  });

  it('does not follow the Host header: plain http configured, no Secure flag whatever the host', async () => {
    const { email, password } = staff('admin');
    const setCookie = await new Promise<string[]>((resolve, reject) => {
      // fetch() will not send another Host: a raw request, as a client behind any proxy can.
      const url = new URL(`${behindProxy.baseUrl}/api/v1/auth/login`);
      const request = http.request(
        url,
        { method: 'POST', headers: { host: 'famille.saint-ardoise.fr', 'x-forwarded-host': 'famille.saint-ardoise.fr', 'content-type': 'application/json' } },
        (response) => {
          response.resume();
          expect(response.statusCode).toBe(200);
          resolve(response.headers['set-cookie'] ?? []);
        },
      );
      request.on('error', reject);
      request.end(JSON.stringify({ email, password }));
    });
    const session = setCookie.find((c) => c.startsWith('ardoise_session='));
    expect(session).toBeDefined();
    expect(session).not.toMatch(/Secure/i);
  });
});
