import { randomUUID } from 'node:crypto';
import { FixedClock } from '#ardoise/commands';
import { SERVICE_DAY_EVENT_TYPES } from '#ardoise/reservations';
import { seedDemoTown } from '#ardoise/composition';
import { childrenOf, signInParent, signInStaff } from './reservations-world.js';
import type { HttpClient } from './support/http-client.js';
import { bodyOf, eventually, startTestApp, type Json, type TestApp } from './support/test-app.js';

// Tuesday 1 December 2026, 10:00 in Paris.
const clock = new FixedClock(new Date('2026-12-01T09:00:00Z'));
let app: TestApp;
let parent: HttpClient;
let familyId: string;
let lea: string;
let hugo: string;
let otherFamilyChild: string;
const silentLogger = { info: () => undefined } as never;

beforeAll(async () => {
  app = await startTestApp({ clock });
  await seedDemoTown(app.app, silentLogger);
  ({ client: parent, familyId } = await signInParent(app, 'claire.martin@demo.ardoise.fr'));
  [{ child_id: lea }, { child_id: hugo }] = await childrenOf(app.infrastructure.db, familyId, 2);
  const other = await signInParent(app, 'sami.bernard@demo.ardoise.fr');
  [{ child_id: otherFamilyChild }] = await childrenOf(app.infrastructure.db, other.familyId, 1);
  await eventually(async () => (await app.infrastructure.db.selectFrom('catalogue_services').select('code').execute()).length === 5);
}, 60_000);
afterAll(async () => {
  await app?.close();
});
beforeEach(() => clock.set(new Date('2026-12-01T09:00:00Z')));

const period = async (childId: string, date: string, view = 'month') =>
  bodyOf(await parent.get(`/families/${familyId}/children/${childId}/period?view=${view}&date=${date}`));
const cell = (view: Json, code: string, date: string) => view.services.find((s: Json) => s.code === code).days.find((d: Json) => d.date === date);
const basket = async () => (await bodyOf(await parent.get(`/families/${familyId}/basket`))).lines as Json[];
const eventCount = async () =>
  Number(
    (await app.infrastructure.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst())!.n,
  );

describe('a parent books, validates and cancels from the period view', () => {
  it('period view → request days → basket → validate → cancel inside the window', async () => {
    const december = await period(lea, '2026-12-01');
    expect(december).toMatchObject({ from: '2026-12-01', to: '2026-12-31', previous: '2026-11-01', next: '2027-01-01' });
    expect(cell(december, 'CANTINE', '2026-12-07')).toMatchObject({ state: 'free', canChange: true, deadline: '2026-12-03T09:00:00.000Z' });
    expect(cell(december, 'CANTINE', '2026-12-02')).toMatchObject({ state: 'closed', canChange: false });
    expect(cell(december, 'CANTINE', '2026-12-25')).toMatchObject({ state: 'closed', closedLabel: expect.stringContaining('férié') });
    expect(cell(december, 'CANTINE', '2026-12-01')).toMatchObject({ state: 'past_deadline', canChange: false });

    const requested = await parent.post(`/families/${familyId}/basket/lines`, {
      lines: [
        { childId: lea, serviceCode: 'CANTINE', date: '2026-12-07' },
        { childId: lea, serviceCode: 'CANTINE', date: '2026-12-08' },
        { childId: hugo, serviceCode: 'SOIR', date: '2026-12-07' },
      ],
    });
    expect(requested.status).toBe(201);
    const added = (await bodyOf(requested)).added as Json[];
    expect(added).toHaveLength(3);
    expect(await basket()).toHaveLength(3);
    expect(cell(await period(lea, '2026-12-07', 'week'), 'CANTINE', '2026-12-07')).toMatchObject({ state: 'requested' });

    const soir = added.find((l) => l.serviceCode === 'SOIR')!;
    expect((await parent.delete(`/families/${familyId}/basket/lines/${soir.reservationId}`)).status).toBe(204);
    expect(await basket()).toHaveLength(2);

    const validation = await parent.post(`/families/${familyId}/basket/validation`, {});
    expect(validation.status).toBe(200);
    const lines = (await bodyOf(validation)).lines as Json[];
    expect(lines.map((l) => [l.date, l.outcome])).toEqual([
      ['2026-12-07', 'validated'],
      ['2026-12-08', 'validated'],
    ]);
    expect(lines[0].message).toBe('Demande validée.');
    expect(await basket()).toHaveLength(0);
    await eventually(async () => cell(await period(lea, '2026-12-01'), 'CANTINE', '2026-12-08').state === 'validated');

    const cancelled = await parent.post(`/families/${familyId}/reservations/cancellation`, { childId: lea, serviceCode: 'CANTINE', date: '2026-12-08' });
    expect(cancelled.status).toBe(200);
    await eventually(async () => cell(await period(lea, '2026-12-01'), 'CANTINE', '2026-12-08').state === 'free');
  });

  it('a cancellation after the deadline is refused (422) and changes nothing', async () => {
    await parent.post(`/families/${familyId}/basket/lines`, { lines: [{ childId: lea, serviceCode: 'CANTINE', date: '2026-12-04' }] });
    expect((await bodyOf(await parent.post(`/families/${familyId}/basket/validation`, {}))).lines[0].outcome).toBe('validated');
    clock.set(new Date('2026-12-02T09:30:00Z')); // Wednesday 10:30: J-2 10:00 is past for Friday
    const before = await eventCount();
    const late = await parent.post(`/families/${familyId}/reservations/cancellation`, { childId: lea, serviceCode: 'CANTINE', date: '2026-12-04' });
    expect(late.status).toBe(422);
    expect(await bodyOf(late)).toMatchObject({ code: 'RESERVATION.CANCELLATION_DEADLINE_PASSED', title: expect.stringMatching(/délai/) });
    expect(await eventCount()).toBe(before);
    const lateBooking = await parent.post(`/families/${familyId}/basket/lines`, { lines: [{ childId: hugo, serviceCode: 'CANTINE', date: '2026-12-04' }] });
    expect(lateBooking.status).toBe(422);
    expect((await bodyOf(lateBooking)).code).toBe('RESERVATION.DEADLINE_PASSED');
  });

  it('an agent cancels after the deadline with a reason, and books past it with a recorded override', async () => {
    const agent = await signInStaff(app, 'agent');
    await parent.post(`/families/${familyId}/basket/lines`, { lines: [{ childId: hugo, serviceCode: 'MATIN', date: '2026-12-03' }] });
    await parent.post(`/families/${familyId}/basket/validation`, {});
    clock.set(new Date('2026-12-02T20:00:00Z'));
    const noReason = await agent.post(`/families/${familyId}/reservations/cancellation`, { childId: hugo, serviceCode: 'MATIN', date: '2026-12-03' });
    expect(noReason.status).toBe(400);
    const withReason = await agent.post(`/families/${familyId}/reservations/cancellation`, {
      childId: hugo,
      serviceCode: 'MATIN',
      date: '2026-12-03',
      reason: 'Hospitalisation',
    });
    expect(withReason.status).toBe(200);

    await agent.post(`/families/${familyId}/basket/lines`, { lines: [{ childId: hugo, serviceCode: 'MATIN', date: '2026-12-03' }] });
    const refusedForParent = await parent.post(`/families/${familyId}/basket/validation`, { overrideReason: 'Je le veux' });
    expect(refusedForParent.status).toBe(403);
    const overridden = await agent.post(`/families/${familyId}/basket/validation`, { overrideReason: 'Reprise d’emploi du parent' });
    expect((await bodyOf(overridden)).lines[0].outcome).toBe('validated');
    const stream = await app.infrastructure.db
      .selectFrom('events')
      .select(['type', 'data', 'metadata'])
      .where('stream_id', '=', 'service_day-MATIN-2026-12-03')
      .orderBy('revision')
      .execute();
    const override = stream.find((e) => e.type === 'DeadlineOverridden')!;
    expect(override.data).toMatchObject({ reason: 'Reprise d’emploi du parent', action: 'booking' });
    expect(override.metadata.actor).toMatchObject({ role: 'agent', onBehalfOfFamilyId: familyId });

    // The auditor's « Prestation » filter shows prestations only, and a service day is its own category.
    const auditor = await signInStaff(app, 'auditor');
    const services = (await bodyOf(await auditor.get('/audit/events?category=service&limit=500'))).events as Json[];
    expect(services.length).toBeGreaterThan(0);
    expect(services.filter((e) => e.category !== 'service' || SERVICE_DAY_EVENT_TYPES.includes(e.type))).toEqual([]);
    const day = (await bodyOf(await auditor.get('/audit/streams/service_day-MATIN-2026-12-03/events'))).events as Json[];
    expect(day.length).toBeGreaterThan(0);
    expect(day.every((e) => e.category === 'service_day')).toBe(true);
  });
});

describe('agenda, typical week, absences', () => {
  it('the agenda books every school Monday, Tuesday, Thursday and Friday of January and lists the days it skipped', async () => {
    const response = await parent.post(`/families/${familyId}/basket/agenda`, {
      childId: hugo,
      serviceCode: 'SOIR',
      from: '2027-01-01',
      to: '2027-01-31',
      weekdays: [1, 2, 4, 5],
    });
    expect(response.status).toBe(201);
    const body = await bodyOf(response);
    expect(body.added).toHaveLength(16);
    expect(body.skipped).toEqual([expect.objectContaining({ date: '2027-01-01', code: 'RESERVATION.DAY_CLOSED' })]);
    const validated = (await bodyOf(await parent.post(`/families/${familyId}/basket/validation`, {}))).lines as Json[];
    expect(validated.filter((l) => l.outcome === 'validated')).toHaveLength(16);
  });

  it('a typical week (Monday canteen + morning, Wednesday leisure centre) over two weeks', async () => {
    const response = await parent.post(`/families/${familyId}/basket/typical-week`, {
      childId: lea,
      from: '2027-01-04',
      to: '2027-01-17',
      days: [
        { weekday: 1, serviceCodes: ['CANTINE', 'MATIN'] },
        { weekday: 3, serviceCodes: ['MERCREDI'] },
      ],
    });
    const added = (await bodyOf(response)).added as Json[];
    expect(added.map((l) => `${l.serviceCode} ${l.date}`).sort()).toEqual([
      'CANTINE 2027-01-04',
      'CANTINE 2027-01-11',
      'MATIN 2027-01-04',
      'MATIN 2027-01-11',
      'MERCREDI 2027-01-06',
      'MERCREDI 2027-01-13',
    ]);
    await parent.post(`/families/${familyId}/basket/validation`, {});
  });

  it('an absence justified by a medical certificate is not charged', async () => {
    const slot = { childId: lea, serviceCode: 'CANTINE', date: '2027-01-11' };
    expect((await parent.post(`/families/${familyId}/absences`, { ...slot, reason: 'Angine' })).status).toBe(204);
    expect((await parent.post(`/families/${familyId}/absences/justification`, { ...slot, certificateReference: 'Dr Leroy 10/01' })).status).toBe(204);
    const row = await eventually(async () => {
      const history = await bodyOf(await parent.get(`/families/${familyId}/reservations?from=2027-01-11&to=2027-01-11`));
      return (history.reservations as Json[]).find((r) => r.serviceCode === 'CANTINE' && r.absence === 'justified');
    });
    expect(row).toMatchObject({ status: 'validated', charged: false });
  });
});

describe('staff views', () => {
  it('the agent sees the children of a day with diets and allergies; the caterer gets meals per school', async () => {
    const agent = await signInStaff(app, 'agent');
    const list = await eventually(async () => {
      const body = await bodyOf(await agent.get('/service-days/SOIR/2027-01-04/children'));
      return body.children?.length === 1 ? body : undefined;
    });
    expect(list.children[0]).toMatchObject({ firstName: 'Hugo', diet: 'sans_porc', allergies: 'Arachide', pai: true, school: 'École maternelle Les Tilleuls' });
    const meals = await eventually(async () => {
      const body = await bodyOf(await agent.get('/service-days/CANTINE/2027-01-04/meal-counts'));
      return body.total === 1 ? body : undefined;
    });
    expect(meals.schools).toEqual([{ school: 'École élémentaire Jules-Ferry', total: 1, byDiet: { standard: 1 }, withAllergies: 0 }]);
    expect((await parent.get('/service-days/SOIR/2027-01-04/children')).status).toBe(403);
    // Finance and auditors see who is there, not their health data (diet, allergies, PAI).
    for (const role of ['finance', 'auditor'] as const) {
      const seen = await bodyOf(await (await signInStaff(app, role)).get('/service-days/SOIR/2027-01-04/children'));
      expect(seen.children[0].firstName).toBe('Hugo');
      expect(seen.children[0]).not.toHaveProperty('diet');
      expect(JSON.stringify(seen)).not.toMatch(/sans_porc|Arachide|"pai"|"allergies"/);
    }

    expect((await agent.post('/service-days/SOIR/2027-01-04/attendance', { childId: hugo, status: 'present' })).status).toBe(204);
    expect((await agent.post('/service-days/SOIR/2027-01-04/attendance', { childId: lea, status: 'present_unbooked' })).status).toBe(204);
    const sheet = await eventually(async () => {
      const body = await bodyOf(await agent.get('/service-days/SOIR/2027-01-04/children'));
      return body.presentWithoutBooking?.length === 1 ? body : undefined;
    });
    expect(sheet.children[0].attendance).toBe('present');
    const occupancy = await bodyOf(await agent.get('/service-days/occupancy?serviceCode=SOIR&from=2027-01-04&to=2027-01-08'));
    expect(occupancy.capacity).toBe(80);
    expect(occupancy.days[0]).toMatchObject({ date: '2027-01-04', validated: 1, free: 79 });
  });
});

describe('bad input gets a clear error and writes nothing', () => {
  const line = (overrides: Json) => ({ lines: [{ childId: lea, serviceCode: 'CANTINE', date: '2027-01-05', ...overrides }] });
  const cases: [string, () => Promise<Response>, number, string][] = [
    ['an unknown child', () => parent.post(`/families/${familyId}/basket/lines`, line({ childId: randomUUID() })), 404, 'CHILD.NOT_FOUND'],
    ['another family’s child', () => parent.post(`/families/${familyId}/basket/lines`, line({ childId: otherFamilyChild })), 404, 'CHILD.NOT_FOUND'],
    ['an unknown prestation', () => parent.post(`/families/${familyId}/basket/lines`, line({ serviceCode: 'PISCINE' })), 404, 'CATALOGUE.SERVICE_NOT_FOUND'],
    ['a day outside the calendar', () => parent.post(`/families/${familyId}/basket/lines`, line({ date: '2028-01-10' })), 422, 'RESERVATION.DAY_CLOSED'],
    ['a closed day (Christmas holidays)', () => parent.post(`/families/${familyId}/basket/lines`, line({ date: '2026-12-22' })), 422, 'RESERVATION.DAY_CLOSED'],
    ['a malformed date', () => parent.post(`/families/${familyId}/basket/lines`, line({ date: '2027-02-30' })), 400, 'REQUEST.INVALID'],
    [
      'a huge range',
      () => parent.post(`/families/${familyId}/basket/agenda`, { childId: lea, serviceCode: 'CANTINE', from: '2026-09-01', to: '2030-09-01', weekdays: [1] }),
      400,
      'REQUEST.INVALID',
    ],
    ['unknown fields', () => parent.post(`/families/${familyId}/basket/lines`, { ...line({}), admin: true }), 400, 'REQUEST.INVALID'],
    ['another family’s basket', () => parent.get(`/families/${randomUUID()}/basket`), 404, 'FAMILY.NOT_FOUND'],
  ];
  it.each(cases)('%s', async (_name, send, status, code) => {
    const before = await eventCount();
    const response = await send();
    expect(response.status).toBe(status);
    const body = await bodyOf(response);
    expect(body.code).toBe(code);
    expect(body.title).toMatch(/[a-zé]/);
    expect(await eventCount()).toBe(before);
  });
});
