import { createHash } from 'node:crypto';
import { FixedClock, runInContext, systemContext } from '#ardoise/commands';
import { RegisterFamilyService } from '#ardoise/families';
import { seedDemoTown } from '#ardoise/composition';
import { childrenOf, signInParent, signInStaff } from './reservations-world.js';
import type { HttpClient } from './support/http-client.js';
import { bodyOf, eventually, startTestApp, type Json, type TestApp } from './support/test-app.js';

/**
 * Opening rush, allocation mode: the winter holiday course week (5 places a day) takes
 * requests from Monday 11 January 2027 20:00 to Monday 18 January 20:00 (Paris), then an
 * agent runs the allocation — brothers and sisters first, then whole-week requests, then
 * the lottery drawn from the published seed.
 */
const WEEK = ['2027-02-22', '2027-02-23', '2027-02-24', '2027-02-25', '2027-02-26'];
const PLACES = 5;
const SEED = 'hiver-2027-tirage';
const BEFORE = new Date('2027-01-04T08:00:00Z');
const DURING = new Date('2027-01-12T08:00:00Z');
const AFTER = new Date('2027-01-19T08:00:00Z');
// Families registered at the desk with the same ids on every database: the draw depends on them.
const uuid = (n: number) => `a0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const WHOLE_WEEK = { label: 'Petit', familyId: uuid(100) };
const TWO_DAYS = [1, 2, 3, 4, 5].map((n) => ({ label: `Famille${n}`, familyId: uuid(n) }));
const LATECOMER = { label: 'Retard', familyId: uuid(200) };
const silentLogger = { info: () => undefined } as never;

interface Participant {
  label: string;
  familyId: string;
  children: { label: string; childId: string }[];
  client: HttpClient;
}
interface Rush {
  app: TestApp;
  clock: FixedClock;
  agent: HttpClient;
  openingId: string;
  martin: Participant;
  bernard: Participant;
  whole: Participant;
  twoDays: Participant[];
}

async function registerAtDesk(app: TestApp, agent: HttpClient, family: { label: string; familyId: string }): Promise<Participant> {
  await runInContext(systemContext({ userId: 'test', role: 'system' }), () =>
    app.app.get(RegisterFamilyService).register({
      familyId: family.familyId,
      familyName: family.label,
      contactEmail: null,
      via: 'agent',
      guardians: {
        responsable1: {
          civility: 'madame',
          lastName: family.label,
          firstName: 'Alex',
          mobilePhone: '06 00 00 00 00',
          email: `${family.label.toLowerCase()}@example.org`,
          address: { line1: '1 rue de la Paix', postalCode: '41120', city: 'Saint-Ardoise' },
        },
      } as never,
      children: [
        {
          lastName: family.label,
          firstName: 'Camille',
          birthDate: '2018-03-03',
          school: 'École élémentaire Jules-Ferry',
          className: 'CE2',
          diet: 'standard',
          allergies: null,
          pai: false,
        },
      ] as never,
    }),
  );
  const [{ child_id }] = await childrenOf(app.infrastructure.db, family.familyId, 1);
  return { ...family, children: [{ label: family.label, childId: child_id }], client: agent };
}

async function parentOf(app: TestApp, email: string, count: number): Promise<Participant> {
  const { client, familyId } = await signInParent(app, email);
  const children = await childrenOf(app.infrastructure.db, familyId, count);
  return { label: email.split('.')[1]!, familyId, client, children: children.map((c) => ({ label: c.first_name, childId: c.child_id })) };
}

const eventCount = async (app: TestApp) =>
  Number(
    (await app.infrastructure.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst())!.n,
  );
const dayEvents = async (app: TestApp, date: string) =>
  (await app.infrastructure.db
    .selectFrom('events')
    .select(['type', 'data'])
    .where('stream_id', '=', `service_day-STAGE-${date}`)
    .orderBy('revision')
    .execute()) as {
    type: string;
    data: Json;
  }[];

async function request(p: Participant, dates: string[]): Promise<Response> {
  const lines = p.children.flatMap((c) => dates.map((date) => ({ childId: c.childId, serviceCode: 'STAGE', date })));
  return p.client.post(`/families/${p.familyId}/basket/lines`, { lines });
}
const validate = async (p: Participant) => (await bodyOf(await p.client.post(`/families/${p.familyId}/basket/validation`, {}))).lines as Json[];

/** The town and its families, up to the close of the request window (asserting each step). */
async function openTheWeek(): Promise<Rush> {
  const clock = new FixedClock(BEFORE);
  const app = await startTestApp({ clock });
  await seedDemoTown(app.app, silentLogger);
  const agent = await signInStaff(app, 'agent');
  expect(
    (
      await agent.post('/catalogue/services', {
        code: 'STAGE',
        label: 'Stage multisport des vacances',
        kind: 'leisure_day',
        weekdays: [1, 2, 3, 4, 5],
        dailyCapacity: PLACES,
      })
    ).status,
  ).toBe(201);
  const rule = { kind: 'day_before', at: '18:00' };
  expect((await agent.put('/catalogue/services/STAGE/booking-rules', { season: 'holidays', booking: rule, cancellation: rule })).status).toBe(204);
  const scheduled = await agent.post('/catalogue/services/STAGE/openings', {
    label: 'Stage d’hiver',
    from: WEEK[0],
    to: WEEK[4],
    opensAt: '2027-01-11T20:00:00+01:00',
    mode: 'allocation',
    requestsCloseAt: '2027-01-18T20:00:00+01:00',
    priorities: ['siblings', 'full_period'],
    lotterySeed: SEED,
  });
  expect(scheduled.status).toBe(201);
  const { openingId } = await bodyOf(scheduled);

  const martin = await parentOf(app, 'claire.martin@demo.ardoise.fr', 2); // Léa and Hugo: siblings
  const bernard = await parentOf(app, 'sami.bernard@demo.ardoise.fr', 1); // Inès: the whole week
  const whole = await registerAtDesk(app, agent, WHOLE_WEEK);
  const twoDays = await Promise.all(TWO_DAYS.map((f) => registerAtDesk(app, agent, f)));
  await eventually(
    async () => (await app.infrastructure.db.selectFrom('catalogue_services').select('code').where('code', '=', 'STAGE').execute()).length === 1,
  );

  // Before the window opens: refused, in French, nothing written.
  const before = await eventCount(app);
  const early = await request(martin, WEEK);
  expect(early.status).toBe(422);
  expect(await bodyOf(early)).toMatchObject({ code: 'RESERVATION.NOT_OPEN_YET', title: 'Les réservations pour cette période ne sont pas encore ouvertes.' });
  expect(await eventCount(app)).toBe(before);

  // During the window: 9 children ask for Monday and Tuesday, 4 for the rest of the week.
  clock.set(DURING);
  for (const [p, dates] of [[martin, WEEK], [bernard, WEEK], [whole, WEEK], ...twoDays.map((p) => [p, WEEK.slice(0, 2)])] as [Participant, string[]][]) {
    expect((await request(p, dates)).status).toBe(201);
    const lines = await validate(p);
    expect(lines).toHaveLength(p.children.length * dates.length);
    expect(lines.every((l) => l.outcome === 'submitted' && l.message.startsWith('Demande enregistrée'))).toBe(true);
    expect((await bodyOf(await p.client.get(`/families/${p.familyId}/basket`))).lines).toEqual([]);
  }
  // Validating again during the window validates nobody; nor can the agent allocate yet.
  expect(await validate(martin)).toEqual([]);
  const tooSoon = await agent.post('/service-days/STAGE/allocations', { openingId });
  expect(tooSoon.status).toBe(422);
  expect(await bodyOf(tooSoon)).toMatchObject({ code: 'OPENING.WINDOW_STILL_OPEN', title: expect.stringMatching(/demandes/) });
  for (const date of WEEK) expect((await dayEvents(app, date)).map((e) => e.type).filter((t) => t !== 'ReservationSubmitted')).toEqual([]);
  const pending = await eventually(async () => {
    const body = await bodyOf(await agent.get(`/service-days/occupancy?serviceCode=STAGE&from=${WEEK[0]}&to=${WEEK[4]}`));
    return body.days?.[0]?.submitted === 9 ? body : undefined;
  });
  expect(pending.days.map((d: Json) => [d.validated, d.submitted])).toEqual([
    [0, 9],
    [0, 9],
    [0, 4],
    [0, 4],
    [0, 4],
  ]);
  const leaMonday = await eventually(async () => {
    const view = await bodyOf(await martin.client.get(`/families/${martin.familyId}/children/${martin.children[0]!.childId}/period?view=week&date=${WEEK[0]}`));
    const cell = view.services.find((s: Json) => s.code === 'STAGE').days.find((d: Json) => d.date === WEEK[0]);
    return cell.state === 'submitted' ? cell : undefined;
  });
  expect(leaMonday.state).toBe('submitted');

  // After the close, before the allocation: a late request waits for nothing.
  clock.set(AFTER);
  const latecomer = await registerAtDesk(app, agent, LATECOMER);
  expect((await request(latecomer, [WEEK[0]!])).status).toBe(201);
  expect(await validate(latecomer)).toMatchObject([{ outcome: 'rejected', code: 'ALLOCATION_PENDING', message: expect.stringMatching(/attribution/) }]);
  return { app, clock, agent, openingId, martin, bernard, whole, twoDays };
}

/** Who got a place and who waits, in the order of the waiting list, by name. */
async function outcome(rush: Rush): Promise<Record<string, { validated: string[]; waitlisted: string[] }>> {
  const names = new Map<string, string>();
  for (const p of [rush.martin, rush.bernard, rush.whole, ...rush.twoDays]) for (const c of p.children) names.set(c.childId, c.label);
  const result: Record<string, { validated: string[]; waitlisted: string[] }> = {};
  for (const date of WEEK) {
    const events = await dayEvents(rush.app, date);
    result[date] = {
      validated: events
        .filter((e) => e.type === 'ReservationValidated')
        .map((e) => names.get(e.data.childId)!)
        .sort(),
      waitlisted: events
        .filter((e) => e.type === 'ReservationWaitlisted')
        .sort((a, b) => a.data.rank - b.data.rank)
        .map((e) => names.get(e.data.childId)!),
    };
  }
  return result;
}

const draw = (familyId: string) => createHash('sha256').update(`${SEED}:${familyId}`).digest('hex');
const byDraw = (families: { label: string; familyId: string }[]) =>
  [...families].sort((a, b) => draw(a.familyId).localeCompare(draw(b.familyId))).map((f) => f.label);

let first: Rush | undefined;
let second: Rush | undefined;
afterAll(async () => {
  await first?.app.close();
  await second?.app.close();
}, 60_000);

describe('a holiday week opened with a request window and an allocation run', () => {
  let firstOutcome: Awaited<ReturnType<typeof outcome>>;

  it('allocates the places once the window has closed: priorities first, then the seeded lottery; running it again changes nothing', async () => {
    first = await openTheWeek();
    const { app, agent, openingId } = first;
    // Without the priorities, the lottery alone would have put some two-day family before the whole-week one.
    const lotteryAlone = byDraw([WHOLE_WEEK, ...TWO_DAYS]);
    expect(lotteryAlone.indexOf(WHOLE_WEEK.label)).toBeGreaterThan(0);

    const run = await agent.post('/service-days/STAGE/allocations', { openingId });
    expect(run.status).toBe(200);
    expect(await bodyOf(run)).toEqual({ days: 5, validated: PLACES * 2 + 4 * 3, waitlisted: 4 * 2 });

    const [winner, ...waiting] = byDraw(TWO_DAYS); // the published draw, replayed by anyone
    const result = await outcome(first);
    for (const date of WEEK.slice(0, 2)) {
      expect(result[date]!.validated).toEqual(['Hugo', 'Inès', 'Léa', 'Petit', winner].sort());
      expect(result[date]!.waitlisted).toEqual(waiting);
    }
    for (const date of WEEK.slice(2)) expect(result[date]).toEqual({ validated: ['Hugo', 'Inès', 'Léa', 'Petit'], waitlisted: [] });
    for (const date of WEEK) {
      const events = await dayEvents(app, date);
      expect(events.at(-1)).toMatchObject({ type: 'AllocationCompleted', data: { openingId, validated: result[date]!.validated.length } });
      expect(events.filter((e) => e.type === 'ReservationSubmitted')).toHaveLength(result[date]!.validated.length + result[date]!.waitlisted.length);
    }

    const before = await eventCount(app);
    const again = await agent.post('/service-days/STAGE/allocations', { openingId });
    expect(again.status).toBe(200);
    expect(await bodyOf(again)).toEqual({ days: 5, validated: 0, waitlisted: 0 });
    expect(await eventCount(app)).toBe(before);
    expect(await outcome(first)).toEqual(result);
    firstOutcome = result;

    // The result as the agents' screen shows it: the order (priorities, then the draw) and what each got, the same every time.
    const explained = await bodyOf(await agent.get(`/service-days/STAGE/openings/${openingId}/allocation`));
    expect(explained).toMatchObject({ days: 5, allocatedDays: 5, totals: { validated: PLACES * 2 + 4 * 3, waitlisted: 4 * 2 } });
    expect(explained.families[0]).toMatchObject({ rank: 1, fullPeriod: true });
    const labelOf = (f: Json) => TWO_DAYS.find((family) => family.familyId === f.familyId)?.label;
    expect(explained.families.filter((f: Json) => !f.fullPeriod).map(labelOf)).toEqual([winner, ...waiting]);
    expect(await bodyOf(await agent.get(`/service-days/STAGE/openings/${openingId}/allocation`))).toEqual(explained);
  }, 180_000);

  it('families see their result in the period view', async () => {
    const { martin, bernard, twoDays, agent } = first!;
    const cellOf = async (p: Participant, childId: string, date: string) => {
      const view = await bodyOf(await p.client.get(`/families/${p.familyId}/children/${childId}/period?view=week&date=${date}`));
      return view.services.find((s: Json) => s.code === 'STAGE').days.find((d: Json) => d.date === date) as Json;
    };
    const hugo = martin.children.find((c) => c.label === 'Hugo')!;
    await eventually(async () => (await cellOf(martin, hugo.childId, WEEK[4]!)).state === 'validated');
    for (const date of WEEK) expect(await cellOf(martin, hugo.childId, date)).toMatchObject({ state: 'validated' });
    expect(await cellOf(bernard, bernard.children[0]!.childId, WEEK[0]!)).toMatchObject({ state: 'validated' });
    const [, ...waiting] = byDraw(TWO_DAYS);
    for (const [i, label] of waiting.entries()) {
      const family = twoDays.find((f) => f.label === label)!;
      const cell = await eventually(async () => {
        const c = await cellOf(family, family.children[0]!.childId, WEEK[0]!);
        return c.state === 'waitlisted' ? c : undefined;
      });
      expect(cell.waitlistRank).toBe(i + 1);
    }
    const occupancy = await bodyOf(await agent.get(`/service-days/occupancy?serviceCode=STAGE&from=${WEEK[0]}&to=${WEEK[4]}`));
    expect(occupancy.days.map((d: Json) => [d.validated, d.waitlisted, d.submitted])).toEqual([
      [5, 4, 0],
      [5, 4, 0],
      [4, 0, 0],
      [4, 0, 0],
      [4, 0, 0],
    ]);
  }, 60_000);

  it('the same seed on a fresh database gives the same allocation', async () => {
    await first!.app.close(); // one database at a time
    first = undefined;
    second = await openTheWeek();
    const run = await second.agent.post('/service-days/STAGE/allocations', { openingId: second.openingId });
    expect(run.status).toBe(200);
    expect(await outcome(second)).toEqual(firstOutcome);
  }, 180_000);
});
