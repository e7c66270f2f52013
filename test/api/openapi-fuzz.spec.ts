import fc from 'fast-check';
import { sql } from 'kysely';
import { DEMO_FAMILIES } from '#ardoise/families';
import { seedDemoTown } from '#ardoise/composition';
import { signIn, staff } from './support/families-fixtures.js';
import { HttpClient } from './support/http-client.js';
import { fuzzRequest, type FuzzRequest, type KnownValues } from './support/fuzz/fuzz-requests.js';
import { operationsOf, type FuzzedOperation } from './support/fuzz/openapi-operations.js';
import { bodyOf, startTestApp, type Json, type TestApp } from './support/test-app.js';

/**
 * Fuzzing from the OpenAPI document: every operation, as every role, with wrong types,
 * missing and extra fields, huge values, unicode edge cases, malformed JSON and wrong
 * content types. Never a 5xx, always problem+json for an error, and a refused request
 * appends no event. Short form in `npm test` (one request per operation and role, ≥ 500);
 * `npm run test:fuzz -- --long` (FUZZ_LONG=1) sends ≥ 10,000. FUZZ_SEED replays a run.
 */
const LONG = process.env.FUZZ_LONG === '1';
const PER_OPERATION_AND_ROLE = LONG ? 15 : 1;
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_203);
const CONCURRENCY = 4;
/** Signing out would end the role's session for the rest of the run (it is fuzzed as anonymous only). */
const ENDS_THE_SESSION = new Set(['SessionsController_logout']);

let app: TestApp;
const roles = new Map<string, HttpClient>();
let known: KnownValues;

beforeAll(async () => {
  app = await startTestApp();
  await seedDemoTown(app.app, { info: () => undefined } as never);
  const [martin, bernard] = DEMO_FAMILIES.map((f) => f.login!);
  roles.set('anonymous', new HttpClient(app.baseUrl));
  roles.set('parent', await signIn(app, martin!.email, martin!.password));
  roles.set('other parent', await signIn(app, bernard!.email, bernard!.password));
  for (const role of ['agent', 'finance', 'auditor', 'admin'] as const) roles.set(role, await staff(app, role));
  const me = await bodyOf(await roles.get('parent')!.get('/auth/me'));
  const file = await bodyOf(await roles.get('parent')!.get(`/families/${me.familyId}`));
  known = { familyId: me.familyId, childId: file.children[0].childId };
}, 180_000);
afterAll(async () => {
  await app?.close();
}, 60_000);

interface Finding {
  role: string;
  request: string;
  mutation: string;
  status: number;
  problem: string;
}

const statuses = new Map<number, number>();

async function send(role: string, request: FuzzRequest, correlationId: string): Promise<Finding | undefined> {
  const client = roles.get(role)!;
  const session = client.cookie('ardoise_session');
  const csrf = client.cookie('XSRF-TOKEN');
  const headers: Record<string, string> = { ...request.headers, 'x-correlation-id': correlationId };
  if (session) headers.cookie = `ardoise_session=${session}; XSRF-TOKEN=${csrf}`;
  if (csrf && request.method !== 'GET') headers['x-xsrf-token'] = csrf;
  const response = await fetch(`${app.baseUrl}${request.url}`, { method: request.method, headers, body: request.method === 'GET' ? undefined : request.body });
  const text = await response.text();
  statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
  const finding = (problem: string): Finding => ({
    role,
    request: `${request.method} ${request.url.slice(0, 160)}`,
    mutation: request.mutation,
    status: response.status,
    problem: `${problem}: ${text.slice(0, 200)}`,
  });
  if (response.status >= 500) return finding('server error');
  if (response.status < 400) return undefined;
  if (!response.headers.get('content-type')?.startsWith('application/problem+json')) return finding('error not in problem+json');
  const appended = await sql<{ n: string }>`SELECT count(*) AS n FROM events WHERE metadata->>'correlationId' = ${correlationId}`.execute(
    app.infrastructure.db,
  );
  if (Number(appended.rows[0]!.n) > 0) return finding(`refused, yet ${appended.rows[0]!.n} event(s) appended`);
  return undefined;
}

describe('fuzzing every operation of the OpenAPI document, as every role', () => {
  it(
    `never answers a 5xx, always problem+json for an error, and appends nothing when it refuses (seed ${SEED})`,
    async () => {
      const document = (await (await fetch(`${app.baseUrl}/api/docs-json`)).json()) as Json;
      const operations: FuzzedOperation[] = operationsOf(document);
      expect(operations.length).toBeGreaterThan(100);
      const plan: { role: string; request: FuzzRequest }[] = [];
      operations.forEach((operation, index) => {
        [...roles.keys()].forEach((role, roleIndex) => {
          if (ENDS_THE_SESSION.has(operation.operationId) && role !== 'anonymous') return;
          const seed = SEED + index * roles.size + roleIndex;
          const requests = fc.sample(fuzzRequest(operation, known), { numRuns: PER_OPERATION_AND_ROLE, seed });
          for (const request of requests) plan.push({ role, request });
        });
      });
      expect(plan.length).toBeGreaterThanOrEqual(LONG ? 10_000 : 500);

      const findings: Finding[] = [];
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < plan.length) {
            const i = next++;
            const finding = await send(plan[i]!.role, plan[i]!.request, `fuzz-${SEED}-${i}`);
            if (finding) findings.push(finding);
          }
        }),
      );
      expect(findings).toEqual([]);
      // The run reached the handlers, the guards and the validators, not only one gate.
      expect([...statuses.keys()]).toEqual(expect.arrayContaining([200, 400, 401, 403, 404]));
      expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(plan.length);
    },
    LONG ? 3_600_000 : 300_000,
  );
});
