import { FixedClock } from '#ardoise/commands';
import { seedDemoTown } from '#ardoise/composition';
import { manyFamilies, signInStaff } from './reservations-world.js';
import type { HttpClient } from './support/http-client.js';
import { bodyOf, eventually, startTestApp, type Json, type TestApp } from './support/test-app.js';

// Monday 11 January 2027, the morning after the winter holidays opened (Sunday 20:00).
const clock = new FixedClock(new Date('2027-01-11T08:00:00Z'));
const DAY = '2027-02-15';
const STREAM = `service_day-VACANCES-${DAY}`;
let app: TestApp;
let agent: HttpClient;
const silentLogger = { info: () => undefined } as never;

beforeAll(async () => {
  app = await startTestApp({ clock });
  await seedDemoTown(app.app, silentLogger);
  agent = await signInStaff(app, 'agent');
}, 60_000);
afterAll(async () => {
  await app?.close();
}, 60_000);

const streamEvents = async (stream: string) =>
  (await app.infrastructure.db.selectFrom('events').select(['type', 'data']).where('stream_id', '=', stream).orderBy('revision').execute()) as {
    type: string;
    data: Json;
  }[];

async function requestDay(familyId: string, childId: string, date = DAY): Promise<void> {
  const response = await agent.post(`/families/${familyId}/basket/lines`, { lines: [{ childId, serviceCode: 'VACANCES', date }] });
  if (response.status !== 201) throw new Error(`request ${response.status} ${JSON.stringify(await bodyOf(response))}`);
}

describe('the last places of a holiday day under concurrency', () => {
  it('200 concurrent validations for the last 10 places: exactly 10 validated, the rest waitlisted in order, nothing lost', async () => {
    const families = await manyFamilies(app, 214, 'Rush');
    // 14 of the 24 places are already taken.
    for (const f of families.slice(0, 14)) {
      await requestDay(f.familyId, f.childId);
      expect((await bodyOf(await agent.post(`/families/${f.familyId}/basket/validation`, {}))).lines[0].outcome).toBe('validated');
    }
    const rush = families.slice(14);
    for (const f of rush) await requestDay(f.familyId, f.childId);

    const responses = await Promise.all(rush.map((f) => agent.post(`/families/${f.familyId}/basket/validation`, {})));
    expect(responses.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
    const lines = (await Promise.all(responses.map(bodyOf))).map((b) => b.lines[0] as Json);
    expect(lines.filter((l) => l.outcome === 'validated')).toHaveLength(10);
    const waitlisted = lines.filter((l) => l.outcome === 'waitlisted');
    expect(waitlisted).toHaveLength(190);
    expect(waitlisted.map((l) => l.waitlistRank).sort((a, b) => a - b)).toEqual(Array.from({ length: 190 }, (_, i) => i + 1));

    const events = await streamEvents(STREAM);
    expect(events.filter((e) => e.type === 'ReservationValidated')).toHaveLength(24);
    const queued = events.filter((e) => e.type === 'ReservationWaitlisted');
    expect(queued).toHaveLength(190);
    // In order: the stream's waiting list is the order of the answers' ranks, and nobody was validated after someone was queued.
    const rankOf = new Map(waitlisted.map((l) => [l.reservationId, l.waitlistRank]));
    expect(queued.map((e) => rankOf.get(e.data.reservationId))).toEqual(Array.from({ length: 190 }, (_, i) => i + 1));
    const lastValidated = events.map((e) => e.type).lastIndexOf('ReservationValidated');
    expect(lastValidated).toBeLessThan(events.findIndex((e) => e.type === 'ReservationWaitlisted'));
    // Nothing lost: every basket is settled, every line has exactly one decision.
    const baskets = await Promise.all(rush.map(async (f) => (await bodyOf(await agent.get(`/families/${f.familyId}/basket`))).lines.length));
    expect(baskets.every((n) => n === 0)).toBe(true);
    expect(new Set(events.map((e) => e.data.reservationId)).size).toBe(214);

    const occupancy = await eventually(async () => {
      const body = await bodyOf(await agent.get(`/service-days/occupancy?serviceCode=VACANCES&from=${DAY}&to=${DAY}`));
      return body.days?.[0]?.waitlisted === 190 ? body : undefined;
    });
    expect(occupancy.days[0]).toMatchObject({ validated: 24, free: 0 });
    const list = await bodyOf(await agent.get(`/service-days/VACANCES/${DAY}/waiting-list`));
    expect(list.waiting[0].reservationId).toBe(queued[0].data.reservationId);

    // A cancellation frees a place: the first in line is promoted.
    const first = families[0];
    const cancel = await agent.post(`/families/${first.familyId}/reservations/cancellation`, {
      childId: first.childId,
      serviceCode: 'VACANCES',
      date: DAY,
      reason: 'Désistement',
    });
    expect(await bodyOf(cancel)).toEqual({ promoted: 1 });
    const after = await streamEvents(STREAM);
    expect(after.at(-1)).toMatchObject({ type: 'ReservationPromoted', data: { reservationId: queued[0].data.reservationId } });
  }, 300_000); // the real app on 2 shared cores: generous, this is not a timing test

  it('the same basket validated twice at once gives one reservation', async () => {
    const [family] = await manyFamilies(app, 1, 'Double');
    await requestDay(family.familyId, family.childId, '2027-02-16');
    const [a, b] = await Promise.all([1, 2].map(() => agent.post(`/families/${family.familyId}/basket/validation`, {})));
    const outcomes = [...(await bodyOf(a)).lines, ...(await bodyOf(b)).lines] as Json[];
    expect(new Set(outcomes.map((l) => l.reservationId)).size).toBe(1);
    expect(outcomes.every((l) => l.outcome === 'validated')).toBe(true);
    const events = await streamEvents('service_day-VACANCES-2027-02-16');
    expect(events.filter((e) => e.type === 'ReservationValidated')).toHaveLength(1);
  }, 60_000);
});
