import { monitorEventLoopDelay } from 'node:perf_hooks';
import { sql } from 'kysely';
import { seedDemoTown } from '#ardoise/composition';
import { staff } from './support/families-fixtures.js';
import { HttpClient } from './support/http-client.js';
import { bodyOf, startTestApp, type TestApp } from './support/test-app.js';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  await seedDemoTown(app.app, { info: () => undefined } as never);
}, 180_000);
afterAll(async () => {
  await app?.close();
}, 60_000);

const eventCount = async () => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM events`.execute(app.infrastructure.db)).rows[0]!.n);

/** JSON text nested `depth` levels deep: {"a":{"a":…}}. */
const nested = (depth: number, leaf = '1') => '{"a":'.repeat(depth) + leaf + '}'.repeat(depth);

async function expectRefused(response: Response): Promise<Record<string, any>> {
  expect(response.status).toBe(400);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const problem = await bodyOf(response);
  expect(problem.status).toBe(400);
  expect(problem.title).toMatch(/requête/i); // French, for people
  return problem;
}

describe('malformed input is refused with a 400 before validation, changing nothing', () => {
  it('a lone UTF-16 surrogate in an e-mail field (login, password reset, invitation) is a 400, not a URIError', async () => {
    const before = await eventCount();
    const anonymous = new HttpClient(app.baseUrl);
    const problem = await expectRefused(await anonymous.post('/auth/login', '{"email":"\\ud800","password":"x"}'));
    expect(problem.errors).toEqual([{ field: 'email', messages: [expect.stringMatching(/caractère/i)] }]);
    await expectRefused(await anonymous.post('/auth/password-reset', '{"email":"a\\udfffb@example.fr"}'));
    const agent = await staff(app, 'agent');
    await expectRefused(await agent.post('/families/invitations', '{"email":"x\\ud83d@example.fr"}'));
    // A well-formed pair (an emoji) is not malformed: it reaches the validator, which refuses the address.
    const emoji = await agent.post('/families/invitations', '{"email":"\\ud83d\\ude00@example.fr"}');
    expect(emoji.status).toBe(400);
    expect((await bodyOf(emoji)).code).toBe('REQUEST.INVALID');
    expect(await eventCount()).toBe(before);
  }, 30_000);

  it('a NUL byte in a body field, a key, a path parameter or the query string is a 400', async () => {
    const auditor = await staff(app, 'auditor');
    await expectRefused(await auditor.get('/audit/streams/%00/events'));
    await expectRefused(await auditor.get('/audit/streams/family-%00/state'));
    await expectRefused(await auditor.get('/audit/events?actor=%00'));
    await expectRefused(await auditor.get('/audit/export?stream=a%00b'));
    const anonymous = new HttpClient(app.baseUrl);
    await expectRefused(await anonymous.post('/auth/login', '{"email":"a\\u0000@example.fr","password":"x"}'));
    await expectRefused(await anonymous.post('/auth/login', '{"em\\u0000ail":"a@example.fr","password":"x"}'));
    // An encoded lone surrogate in the path cannot even be decoded.
    await expectRefused(await auditor.get('/audit/streams/%ED%A0%80/events'));
  }, 30_000);

  it('JSON nested deeper than 32 levels is refused; 32 levels still reach the validator', async () => {
    const anonymous = new HttpClient(app.baseUrl);
    const deep = await expectRefused(await anonymous.post('/auth/login', nested(3_000)));
    expect(deep.code).toBe('REQUEST.TOO_DEEP');
    await expectRefused(await anonymous.post('/auth/login', `[${nested(32)}]`));
    const atLimit = await anonymous.post('/auth/login', nested(32));
    expect(atLimit.status).toBe(400);
    expect((await bodyOf(atLimit)).code).toBe('REQUEST.INVALID');
    // Brackets inside strings are text, not nesting.
    const inString = await anonymous.post('/auth/login', JSON.stringify({ email: '['.repeat(100), password: '{'.repeat(100) }));
    expect(inString.status).toBe(401);
    expect((await bodyOf(inString)).code).toBe('AUTH.INVALID_CREDENTIALS');
  }, 30_000);

  it('40 deeply nested 80 kB bodies at once neither fail nor block the event loop', async () => {
    const body = nested(13_000); // 78 kB
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = Date.now();
    const responses = await Promise.all(
      Array.from({ length: 40 }, () => fetch(`${app.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })),
    );
    const elapsed = Date.now() - started;
    delay.disable();
    expect(responses.map((r) => r.status)).toEqual(Array(40).fill(400));
    // Was 4.2 s of a blocked event loop (and 500s); bounds leave room for a loaded CI machine.
    expect(elapsed).toBeLessThan(5_000);
    expect(delay.max / 1e6).toBeLessThan(1_000);
  }, 30_000);

  it('a path under /api outside the API (dots resolved by the client) is a problem+json 404', async () => {
    for (const path of ['/api/nothing', '/api', '/api/v1/service-days/%2e%2e/%2e%2e/waiting-list']) {
      const response = await fetch(`${app.baseUrl}${path}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    expect((await fetch(`${app.baseUrl}/api/docs-json`)).status).toBe(200);
  }, 30_000);

  it('malformed JSON and an unexpected content type are problem+json in French', async () => {
    const syntax = await fetch(`${app.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":' });
    expect((await expectRefused(syntax)).code).toBe('REQUEST.MALFORMED');
  }, 30_000);
});
