import { randomUUID } from 'node:crypto';
import { StreamNotFoundError, type RecordedEvent } from '#ardoise/event-store';
import { bodyOf, startTestApp, type TestApp } from './support/test-app.js';
import { TallyProbeModule } from './support/tally-probe.module.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ extraModules: [TallyProbeModule] });
});
afterAll(async () => {
  await app?.close();
});

const increment = (tallyId: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${app.baseUrl}/api/v1/test-probe/tallies/${tallyId}/increments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

async function streamEvents(streamId: string): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  try {
    for await (const event of app.infrastructure.store.readStream(streamId)) events.push(event);
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
  }
  return events;
}

describe('a command travels controller → bus → handler → event store', () => {
  it('records the event with who, when, which request and which schema', async () => {
    const tally = randomUUID();
    const response = await increment(tally, { amount: 5 }, { 'x-correlation-id': 'corr-pipeline-1' });
    expect(response.status).toBe(201);
    expect(await bodyOf(response)).toEqual({ total: 5, revision: '0' });
    expect(response.headers.get('x-correlation-id')).toBe('corr-pipeline-1');

    const [event] = await streamEvents(`tally-${tally}`);
    expect(event.type).toBe('TallyIncremented');
    expect(event.revision).toBe(0n);
    expect(event.metadata).toMatchObject({
      actor: { userId: 'anonymous', role: 'anonymous' },
      correlationId: 'corr-pipeline-1',
      schemaVersion: 1,
    });
    expect(event.metadata.causationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(event.metadata.occurredAt)).not.toBeNaN();
    expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('loses no increment when 12 requests hit the same tally at once (optimistic concurrency + retry)', async () => {
    const tally = randomUUID();
    const responses = await Promise.all(Array.from({ length: 12 }, () => increment(tally, { amount: 3 })));
    const failures = await Promise.all(responses.filter((r) => r.status !== 201).map((r) => r.text()));
    expect(failures).toEqual([]);
    expect(responses.map((r) => r.status)).toEqual(Array(12).fill(201));
    const events = await streamEvents(`tally-${tally}`);
    expect(events.map((e) => e.revision)).toEqual(Array.from({ length: 12 }, (_, i) => BigInt(i)));
    const totals = await Promise.all(responses.map((r) => r.json() as Promise<{ total: number }>));
    expect(Math.max(...totals.map((t) => t.total))).toBe(36);
  });

  it('answers a business rule with a 422 problem in French and records nothing', async () => {
    const tally = randomUUID();
    for (let i = 0; i < 10; i++) expect((await increment(tally, { amount: 100 })).status).toBe(201);
    const refused = await increment(tally, { amount: 1 });
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(await bodyOf(refused)).toMatchObject({
      type: 'https://ardoise.fr/problems/tally.limit-reached',
      code: 'TALLY.LIMIT_REACHED',
      title: 'Le total ne peut pas dépasser 1000.',
      status: 422,
    });
    expect(await streamEvents(`tally-${tally}`)).toHaveLength(10);
  });
});

describe('bad input gets a clear error and changes nothing', () => {
  it('lists each bad field in French (400) and appends nothing', async () => {
    const tally = randomUUID();
    const response = await increment(tally, { amount: 'beaucoup', colour: 'red' });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = await bodyOf(response);
    expect(problem).toMatchObject({ code: 'REQUEST.INVALID', status: 400, title: 'La requête contient des données invalides.' });
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { field: 'amount', messages: expect.arrayContaining(['Ce champ doit être un nombre entier.']) },
        { field: 'colour', messages: ["Ce champ n'est pas attendu."] },
      ]),
    );
    expect(await streamEvents(`tally-${tally}`)).toHaveLength(0);
  });

  it('answers malformed JSON with a 400 problem, never a 500', async () => {
    const response = await increment(randomUUID(), '{"amount": ');
    expect(response.status).toBe(400);
    expect(await bodyOf(response)).toMatchObject({ code: 'REQUEST.MALFORMED', title: 'La requête est mal formée.' });
  });

  it('answers a malformed identifier in the path with a 400 problem', async () => {
    const response = await increment('not-a-uuid', { amount: 1 });
    expect(response.status).toBe(400);
    expect((await bodyOf(response)).code).toBe('REQUEST.MALFORMED');
  });

  it('answers an unknown API route with a 404 problem', async () => {
    const response = await fetch(`${app.baseUrl}/api/v1/nothing-here`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect((await bodyOf(response)).code).toBe('RESOURCE.NOT_FOUND');
  });
});

describe('Idempotency-Key', () => {
  it('returns the first result to a retried command without acting twice', async () => {
    const tally = randomUUID();
    const key = `retry-${randomUUID()}`;
    const first = await increment(tally, { amount: 7 }, { 'idempotency-key': key });
    const second = await increment(tally, { amount: 7 }, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await bodyOf(second)).toEqual(await bodyOf(first));
    const events = await streamEvents(`tally-${tally}`);
    expect(events).toHaveLength(1);
    expect(events[0].metadata.idempotencyKey).toBe(key);
  });

  it('acts once when the same key arrives many times at once', async () => {
    const tally = randomUUID();
    const key = `burst-${randomUUID()}`;
    const responses = await Promise.all(Array.from({ length: 8 }, () => increment(tally, { amount: 2 }, { 'idempotency-key': key })));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    expect(await streamEvents(`tally-${tally}`)).toHaveLength(1);
  });

  it('refuses the same key with another body (422)', async () => {
    const tally = randomUUID();
    const key = `reuse-${randomUUID()}`;
    expect((await increment(tally, { amount: 1 }, { 'idempotency-key': key })).status).toBe(201);
    const reused = await increment(tally, { amount: 2 }, { 'idempotency-key': key });
    expect(reused.status).toBe(422);
    expect((await bodyOf(reused)).code).toBe('IDEMPOTENCY.KEY_REUSED');
    expect(await streamEvents(`tally-${tally}`)).toHaveLength(1);
  });

  it('lets a failed command be retried with the same key (nothing was acknowledged)', async () => {
    const tally = randomUUID();
    const key = `failed-${randomUUID()}`;
    for (let i = 0; i < 10; i++) await increment(tally, { amount: 100 });
    expect((await increment(tally, { amount: 5 }, { 'idempotency-key': key })).status).toBe(422);
    expect((await increment(tally, { amount: 5 }, { 'idempotency-key': key })).status).toBe(422);
  });
});
