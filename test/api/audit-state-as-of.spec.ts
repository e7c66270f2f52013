import { AggregateRepository, FixedClock, systemContext, type Decider } from '#ardoise/commands';
import { AuditedAggregates } from '#ardoise/audit';
import { DEMO_SERVICES } from '#ardoise/catalogue';
import { DEMO_STAFF } from '#ardoise/identity';
import { seedDemoTown } from '#ardoise/composition';
import { HttpClient } from './support/http-client.js';
import { bodyOf, startTestApp, type TestApp } from './support/test-app.js';

/**
 * A reservation-shaped aggregate, registered the way a context registers its decider
 * (AUDITED_AGGREGATES), so that the state-as-of machinery is tested on a stream with three
 * facts at three instants before the reservations context exists.
 */
type ProbeState = { status: 'none' | 'requested' | 'validated' | 'cancelled'; reason?: string };
const reservationLike: Pick<Decider<ProbeState, never, { type: string; data: { reason?: string } }>, 'initialState' | 'evolve'> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'ReservationRequested':
        return { status: 'requested' };
      case 'ReservationValidated':
        return { status: 'validated' };
      case 'ReservationCancelled':
        return { status: 'cancelled', reason: event.data.reason };
      default:
        return state;
    }
  },
};

const T0 = new Date('2026-09-01T07:00:00.000Z');
const REQUESTED = new Date('2026-09-01T08:00:00.000Z');
const VALIDATED = new Date('2026-09-02T08:00:00.000Z');
const CANCELLED = new Date('2026-09-03T08:00:00.000Z');
const STREAM = 'auditprobe-clara-cantine-2026-09-14';

let app: TestApp;
const clock = new FixedClock(T0);

beforeAll(async () => {
  app = await startTestApp({ clock });
  await seedDemoTown(app.app, { info: () => undefined } as never);
  app.app.get(AuditedAggregates).register({ category: 'auditprobe', label: 'Réservation (essai)', decider: reservationLike });
  const repository = app.app.get(AggregateRepository);
  const agent = systemContext({ userId: 'agent-7', role: 'agent' });
  for (const [at, type, data] of [
    [REQUESTED, 'ReservationRequested', {}],
    [VALIDATED, 'ReservationValidated', {}],
    [CANCELLED, 'ReservationCancelled', { reason: 'grève' }],
  ] as const) {
    clock.set(at);
    await repository.record(STREAM, [{ type, data }], agent);
  }
}, 120_000);
afterAll(async () => {
  await app?.close();
});

async function auditor(): Promise<HttpClient> {
  const member = DEMO_STAFF.find((s) => s.role === 'auditor')!;
  const client = new HttpClient(app.baseUrl);
  expect((await client.post('/auth/login', { email: member.email, password: member.password })).status).toBe(200);
  return client;
}

const plus = (d: Date, ms: number) => new Date(d.getTime() + ms).toISOString();

describe('the state of an aggregate as of a date', () => {
  it('a reservation requested, validated, cancelled shows the three states at the three instants', async () => {
    const client = await auditor();
    const at = async (instant: string) => bodyOf(await client.get(`/audit/streams/${STREAM}/state?at=${instant}`));

    expect(await at(plus(REQUESTED, -1))).toMatchObject({ revision: null, state: { status: 'none' }, events: [] });
    expect(await at(REQUESTED.toISOString())).toMatchObject({ revision: 0, state: { status: 'requested' }, aggregate: 'Réservation (essai)' });
    expect(await at(plus(VALIDATED, 3_600_000))).toMatchObject({ revision: 1, state: { status: 'validated' } });
    const last = await at(plus(CANCELLED, 1));
    expect(last).toMatchObject({ revision: 2, state: { status: 'cancelled', reason: 'grève' } });
    expect(last.events.map((e: { type: string; occurredAt: string; actor: { userId: string } }) => [e.type, e.occurredAt, e.actor.userId])).toEqual([
      ['ReservationRequested', REQUESTED.toISOString(), 'agent-7'],
      ['ReservationValidated', VALIDATED.toISOString(), 'agent-7'],
      ['ReservationCancelled', CANCELLED.toISOString(), 'agent-7'],
    ]);
  });

  it('without a date, shows the state now (the server clock)', async () => {
    clock.set(new Date(plus(CANCELLED, 86_400_000)));
    const body = await bodyOf(await (await auditor()).get(`/audit/streams/${STREAM}/state`));
    expect(body).toMatchObject({ revision: 2, state: { status: 'cancelled' }, at: plus(CANCELLED, 86_400_000) });
  });

  it('shows what changed between two instants, and the events that changed it', async () => {
    const client = await auditor();
    const diff = await bodyOf(await client.get(`/audit/streams/${STREAM}/state?from=${plus(REQUESTED, 1)}&to=${plus(CANCELLED, 1)}`));
    expect(diff.from.state).toEqual({ status: 'requested' });
    expect(diff.to.state).toEqual({ status: 'cancelled', reason: 'grève' });
    expect(diff.changes).toEqual([
      { path: 'reason', kind: 'added', after: 'grève' },
      { path: 'status', kind: 'changed', before: 'requested', after: 'cancelled' },
    ]);
    expect(diff.eventsBetween.map((e: { type: string }) => e.type)).toEqual(['ReservationValidated', 'ReservationCancelled']);
  });

  it('folds a real catalogue stream with the catalogue’s own decider', async () => {
    const client = await auditor();
    const stream = `service-${DEMO_SERVICES[0]!.code}`;
    expect(await bodyOf(await client.get(`/audit/streams/${stream}/state?at=${plus(T0, 1)}`))).toMatchObject({
      aggregate: 'Prestation',
      revision: expect.any(Number), // the demo seed may also set its booking rules
      state: { defined: true, service: { code: DEMO_SERVICES[0]!.code } },
    });
    expect(await bodyOf(await client.get(`/audit/streams/${stream}/state?at=${plus(T0, -1)}`))).toMatchObject({ revision: null, state: { defined: false } });
  });

  it('answers 404 for an unknown stream or a category without a state model, 400 for bad dates', async () => {
    const client = await auditor();
    expect((await bodyOf(await client.get('/audit/streams/service-NOPE/state'))).code).toBe('EVENT_STORE.STREAM_NOT_FOUND');
    const unknown = await client.get('/audit/streams/mystery-1/state');
    expect(unknown.status).toBe(404);
    expect((await bodyOf(unknown)).code).toBe('AUDIT.NO_STATE_MODEL');
    expect((await client.get(`/audit/streams/${STREAM}/state?at=hier`)).status).toBe(400);
    expect((await client.get(`/audit/streams/${STREAM}/state?from=${T0.toISOString()}`)).status).toBe(400);
    expect((await client.get(`/audit/streams/${STREAM}/state?at=${T0.toISOString()}&from=${T0.toISOString()}&to=${T0.toISOString()}`)).status).toBe(400);
  });
});
