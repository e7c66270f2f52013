import { ModulesContainer } from '@nestjs/core';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { RequestMethod } from '@nestjs/common';
import { DEMO_STAFF, PUBLIC_KEY, SELF_SERVICE_KEY } from '#ardoise/identity';
import { seedDemoTown } from '#ardoise/composition';
import { HttpClient } from './support/http-client.js';
import { bodyOf, startTestApp, type Json, type TestApp } from './support/test-app.js';

let app: TestApp;
const silentLogger = { info: () => undefined } as never;

beforeAll(async () => {
  app = await startTestApp();
  await seedDemoTown(app.app, silentLogger);
});
afterAll(async () => {
  await app?.close();
});

async function signIn(role: string): Promise<HttpClient> {
  const member = DEMO_STAFF.find((s) => s.role === role)!;
  const client = new HttpClient(app.baseUrl);
  const response = await client.post('/auth/login', { email: member.email, password: member.password });
  expect(response.status).toBe(200);
  return client;
}

type Route = { method: string; path: string };

/** Every route of the running app, from its OpenAPI document (so new endpoints are covered without editing this test). */
async function openApiRoutes(): Promise<Route[]> {
  const document = (await (await fetch(`${app.baseUrl}/api/docs-json`)).json()) as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations)
      .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map((m) => ({ method: m.toUpperCase(), path })),
  );
}

/** Routes marked @Public() or @SelfService() in Nest's metadata: the ones an auditor may legitimately write to. */
function openToEveryoneRoutes(): Set<string> {
  const open = new Set<string>();
  const join = (...parts: string[]) =>
    `/${parts
      .flatMap((p) => p.split('/'))
      .filter(Boolean)
      .join('/')}`.replace(/:(\w+)/g, '{$1}');
  for (const module of app.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
      if (!type?.prototype) continue;
      const classPaths = [Reflect.getMetadata(PATH_METADATA, type) ?? ''].flat() as string[];
      const classOpen = Reflect.getMetadata(PUBLIC_KEY, type) || Reflect.getMetadata(SELF_SERVICE_KEY, type);
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler = type.prototype[name] as unknown;
        if (typeof handler !== 'function' || name === 'constructor') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const methodOpen = Reflect.getMetadata(PUBLIC_KEY, handler) || Reflect.getMetadata(SELF_SERVICE_KEY, handler);
        if (!classOpen && !methodOpen) continue;
        for (const classPath of classPaths) {
          for (const path of [Reflect.getMetadata(PATH_METADATA, handler) ?? ''].flat() as string[]) {
            open.add(`${RequestMethod[method]} ${join('api/v1', classPath, path)}`);
          }
        }
      }
    }
  }
  return open;
}

/**
 * Reads deliberately closed to auditors, each with its reason. Kept short and explicit: a
 * new entry is a decision about the auditor's role (docs/architecture.md §4: auditors read everything, write nothing).
 */
const CLOSED_TO_AUDITORS: Record<string, string> = {
  'GET /api/v1/outbox': 'staff outbox of e-mails (bodies hold personal data): agent/admin only, decided by messaging',
  'GET /api/v1/outbox/{id}': 'same',
  'GET /api/v1/requests/{id}/attachments/{attachmentId}': 'a family’s files (certificates, proofs): the family and agents only, decided by messaging',
};

/**
 * Writes open to auditors, each with its reason: the same kind of decision as above. A
 * verification reads the log and the read models and changes neither (its only row is its own job's).
 */
const OPEN_TO_AUDITORS: Record<string, string> = {
  'POST /api/v1/audit/verifications': 'verifying the chain or the read models is the auditor’s own work and changes no data',
};

const concrete = (path: string) => path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000').replace(/^\/api\/v1/, '');

describe('the auditor reads everything and writes nothing', () => {
  it('every write endpoint of the app, except public and self-service ones, answers 403 to the auditor', async () => {
    const routes = await openApiRoutes();
    const open = openToEveryoneRoutes();
    expect(Object.keys(OPEN_TO_AUDITORS).filter((k) => !routes.some((r) => `${r.method} ${r.path}` === k))).toEqual([]);
    const writes = routes.filter((r) => r.method !== 'GET' && !open.has(`${r.method} ${r.path}`) && !OPEN_TO_AUDITORS[`${r.method} ${r.path}`]);
    // The enumeration itself must see the app's writes (else this test would prove nothing).
    expect(writes).toEqual(
      expect.arrayContaining([
        { method: 'POST', path: '/api/v1/audit/rebuilds' },
        { method: 'POST', path: '/api/v1/staff-accounts' },
      ]),
    );
    expect(open.has('POST /api/v1/auth/login')).toBe(true);

    const auditor = await signIn('auditor');
    const allowed: string[] = [];
    for (const route of writes) {
      const response = await auditor.request(route.method, concrete(route.path), {});
      const body: Json = await bodyOf(response).catch(() => ({}));
      if (response.status !== 403 || body.code !== 'AUTH.FORBIDDEN') allowed.push(`${route.method} ${route.path} → ${response.status}`);
    }
    expect(allowed).toEqual([]);
    // Still signed in and nothing was written: the audit jobs list is empty.
    expect(await bodyOf(await auditor.get('/audit/jobs'))).toEqual([]);
  }, 60_000);

  it('every read endpoint of the app lets the auditor in (no 401, no 403)', async () => {
    const all = (await openApiRoutes()).filter((r) => r.method === 'GET');
    // Every exception still names a real route (a stale one would hide nothing, but says something false).
    expect(Object.keys(CLOSED_TO_AUDITORS).filter((k) => !all.some((r) => `GET ${r.path}` === k))).toEqual([]);
    const reads = all.filter((r) => !CLOSED_TO_AUDITORS[`GET ${r.path}`]);
    expect(reads.map((r) => r.path)).toEqual(expect.arrayContaining(['/api/v1/audit/events', '/api/v1/audit/streams/{streamId}/state']));
    const auditor = await signIn('auditor');
    const refused: string[] = [];
    for (const route of reads) {
      const response = await auditor.get(concrete(route.path));
      await response.arrayBuffer();
      if (response.status === 401 || response.status === 403) refused.push(`GET ${route.path} → ${response.status}`);
    }
    expect(refused).toEqual([]);
  }, 60_000);

  it('the audit endpoints are closed to parents’ and agents’ roles', async () => {
    const agent = await signIn('agent');
    expect((await agent.get('/audit/events')).status).toBe(403);
    expect((await agent.get('/audit/export')).status).toBe(403);
    expect((await new HttpClient(app.baseUrl).get('/audit/events')).status).toBe(401);
  });
});

describe('browsing the event log', () => {
  it('shows each event with its metadata, position, revision and hash, and pages through $all', async () => {
    const auditor = await signIn('auditor');
    const first = await bodyOf(await auditor.get('/audit/events?limit=2'));
    expect(first.events).toHaveLength(2);
    expect(first.next).toEqual(expect.any(String));
    const [event] = first.events;
    expect(event).toMatchObject({
      position: expect.stringMatching(/^\d+-\d+$/),
      revision: expect.any(Number),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      metadata: { actor: { userId: expect.any(String), role: expect.any(String) }, correlationId: expect.any(String), occurredAt: expect.any(String) },
    });
    const second = await bodyOf(await auditor.get(`/audit/events?limit=2&after=${first.next}`));
    expect(second.events[0].position).not.toBe(first.events[1].position);
    expect(second.events.map((e: { id: string }) => e.id)).not.toContain(event.id);
  });

  it('filters by category, type, actor, correlation and period', async () => {
    const auditor = await signIn('auditor');
    const services = await bodyOf(await auditor.get('/audit/events?category=service&type=ServiceDefined&limit=500'));
    expect(services.events.length).toBeGreaterThan(0);
    expect(services.events.every((e: { streamId: string; type: string }) => e.streamId.startsWith('service-') && e.type === 'ServiceDefined')).toBe(true);

    const sample = services.events[0];
    const byCorrelation = await bodyOf(await auditor.get(`/audit/events?correlationId=${sample.metadata.correlationId}&limit=500`));
    expect(byCorrelation.events.length).toBeGreaterThan(0);
    expect(byCorrelation.events.every((e: { metadata: { correlationId: string } }) => e.metadata.correlationId === sample.metadata.correlationId)).toBe(true);

    const bySeed = await bodyOf(await auditor.get('/audit/events?actor=seed&limit=500'));
    expect(bySeed.events.length).toBeGreaterThanOrEqual(services.events.length);
    expect((await bodyOf(await auditor.get('/audit/events?actor=nobody'))).events).toEqual([]);

    const future = await bodyOf(await auditor.get('/audit/events?from=2100-01-01T00:00:00Z'));
    expect(future).toEqual({ events: [], next: null, scanned: expect.any(Number) });
    // A period is the time the store recorded the event.
    const until = new Date(Date.parse(sample.recordedAt) + 1).toISOString();
    const past = await bodyOf(await auditor.get(`/audit/events?to=${until}&limit=500`));
    expect(past.events.every((e: { recordedAt: string }) => e.recordedAt < until)).toBe(true);
    expect(past.events.map((e: { id: string }) => e.id)).toContain(sample.id);
  });

  it('reads one stream in revision order, newest first on request', async () => {
    const auditor = await signIn('auditor');
    const stream = (await bodyOf(await auditor.get('/audit/events?category=service&limit=1'))).events[0].streamId;
    const forwards = await bodyOf(await auditor.get(`/audit/streams/${stream}/events`));
    expect(forwards.events[0]).toMatchObject({ streamId: stream, revision: 0, previousHash: '' });
    const backwards = await bodyOf(await auditor.get(`/audit/streams/${stream}/events?direction=backwards&limit=1`));
    expect(backwards.events[0].revision).toBe(forwards.events.length - 1);
    expect((await auditor.get('/audit/streams/service-NOPE/events')).status).toBe(404);
  });

  it('opens one event by its id, and the chain of what its request produced, causes before reactions', async () => {
    const auditor = await signIn('auditor');
    const [defined] = (await bodyOf(await auditor.get('/audit/events?type=ServiceDefined&limit=1'))).events;
    expect(await bodyOf(await auditor.get(`/audit/events/${defined.id}`))).toEqual(defined);
    const chain = await bodyOf(await auditor.get(`/audit/events/${defined.id}/causation`));
    expect(chain.correlationId).toBe(defined.metadata.correlationId);
    expect(chain.events.map((e: { id: string }) => e.id)).toContain(defined.id);
    const byFilter = await bodyOf(await auditor.get(`/audit/events?correlationId=${defined.metadata.correlationId}&limit=500`));
    // Every event of the correlation is in the chain, in the log's order (reactions of other correlations may follow them).
    const inCorrelation = chain.events.filter((e: { metadata: { correlationId: string } }) => e.metadata.correlationId === defined.metadata.correlationId);
    expect(inCorrelation.map((e: { id: string }) => e.id)).toEqual(byFilter.events.map((e: { id: string }) => e.id));
    for (const event of chain.events)
      expect(event.depth === 0 ? event.causedBy : chain.events.find((c: { id: string }) => c.id === event.causedBy)?.id).toBe(event.causedBy);
    const missing = await auditor.get('/audit/events/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect((await bodyOf(missing)).code).toBe('AUDIT.EVENT_NOT_FOUND');
    expect((await auditor.get('/audit/events/not-an-id/causation')).status).toBe(404);
  });

  it('narrows the log to the streams whose id starts with a text, and to events whose data mention given values', async () => {
    const auditor = await signIn('auditor');
    const [service] = (await bodyOf(await auditor.get('/audit/events?type=ServiceDefined&limit=1'))).events;
    const code = (service.data as { code: string }).code;
    const mentioned = await bodyOf(await auditor.get(`/audit/events?mentions=${code}&stream=${service.streamId}&limit=500`));
    expect(mentioned.events.length).toBeGreaterThan(0);
    expect(mentioned.events.every((e: { streamId: string }) => e.streamId === service.streamId)).toBe(true);
    expect((await bodyOf(await auditor.get(`/audit/events?mentions=${code},NO-SUCH-VALUE-42&limit=500`))).events).toEqual([]);
  });

  it('refuses bad filters with a 400 naming the field', async () => {
    const auditor = await signIn('auditor');
    const response = await auditor.get('/audit/events?from=not-a-date&limit=9999');
    expect(response.status).toBe(400);
    expect((await bodyOf(response)).errors.map((e: { field: string }) => e.field).sort()).toEqual(['from', 'limit']);
    expect((await auditor.get('/audit/events?after=garbage')).status).toBe(400);
  });
});

describe('exporting events as NDJSON', () => {
  it('downloads a category as one JSON event per line, with positions and hashes, as stored', async () => {
    const auditor = await signIn('auditor');
    const response = await auditor.get('/audit/export?category=service');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/x-ndjson/);
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="ardoise-service\.ndjson"/);
    const lines = (await response.text()).split('\n');
    expect(lines.pop()).toBe('');
    const events = lines.map((line) => JSON.parse(line));
    const browsed = await bodyOf(await auditor.get('/audit/events?category=service&limit=500'));
    expect(events).toEqual(browsed.events);
  });

  it('exports one stream, and says 404 for a stream that does not exist', async () => {
    const admin = await signIn('admin');
    const stream = (await bodyOf(await admin.get('/audit/events?category=service&limit=1'))).events[0].streamId;
    const text = await (await admin.get(`/audit/export?stream=${stream}`)).text();
    expect(
      text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).streamId),
    ).toEqual(expect.arrayContaining([stream]));
    const missing = await admin.get('/audit/export?stream=service-NOPE');
    expect(missing.status).toBe(404);
    expect((await bodyOf(missing)).code).toBe('AUDIT.STREAM_NOT_FOUND');
  });
});
