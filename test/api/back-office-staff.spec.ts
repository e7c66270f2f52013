import { FixedClock } from '#ardoise/commands';
import { seedDemoTown } from '#ardoise/composition';
import { childrenOf, signInParent, signInStaff } from './reservations-world.js';
import type { HttpClient } from './support/http-client.js';
import { bodyOf, eventually, startTestApp, type Json, type TestApp } from './support/test-app.js';

// Tuesday 1 December 2026, 10:00 in Paris.
const clock = new FixedClock(new Date('2026-12-01T09:00:00Z'));
let app: TestApp;
let agent: HttpClient;
let parent: HttpClient;
let familyId: string;
let hugo: string;
let lea: string;
const silentLogger = { info: () => undefined } as never;
const DAY = '2026-11-30'; // Monday, already past: only an agent can still book it

beforeAll(async () => {
  app = await startTestApp({ clock });
  await seedDemoTown(app.app, silentLogger);
  agent = await signInStaff(app, 'agent');
  ({ client: parent, familyId } = await signInParent(app, 'claire.martin@demo.ardoise.fr'));
  [{ child_id: lea }, { child_id: hugo }] = await childrenOf(app.infrastructure.db, familyId, 2);
  await eventually(async () => (await app.infrastructure.db.selectFrom('catalogue_services').select('code').execute()).length >= 5);
  expect(
    (
      await agent.post(`/families/${familyId}/basket/lines`, {
        lines: [
          { childId: hugo, serviceCode: 'CANTINE', date: DAY },
          { childId: lea, serviceCode: 'CANTINE', date: DAY },
        ],
      })
    ).status,
  ).toBe(201);
  const validated = await bodyOf(await agent.post(`/families/${familyId}/basket/validation`, { overrideReason: 'Repas servi, inscription oubliée' }));
  expect(validated.lines[0]).toMatchObject({ outcome: 'validated' });
}, 60_000);
afterAll(async () => {
  await app?.close();
});

const attendanceEvents = async () =>
  app.infrastructure.db
    .selectFrom('events')
    .select(['data', 'metadata'])
    .where('stream_id', '=', `service_day-CANTINE-${DAY}`)
    .where('type', '=', 'AttendanceRecorded')
    .orderBy('global_position')
    .execute()
    .then((rows) => rows.filter((e) => (e.data as Json).childId === hugo));
const attendanceOf = (list: Json, childId: string) => (list.children as Json[]).find((c) => c.childId === childId)?.attendance;
const sheet = async () => bodyOf(await agent.get(`/service-days/CANTINE/${DAY}/children`));

describe('attendance from two tablets, one of them offline for a while', () => {
  it('the later mark wins whatever the arrival order; both are in the log; a resent mark is recorded once', async () => {
    const mark = (status: string, markedAt: string, key: string) =>
      agent.post(`/service-days/CANTINE/${DAY}/attendance`, { childId: hugo, status, markedAt }, { 'Idempotency-Key': key });
    // Tablet B, on line: « présent » at 12:05 (Paris). Tablet A, back on line later, sends its « absent » of 12:00.
    expect((await mark('present', '2026-11-30T11:05:00.000Z', 'presence-tablette-b-1')).status).toBe(204);
    await eventually(async () => (attendanceOf(await sheet(), hugo) === 'present' ? true : undefined));
    expect((await mark('absent', '2026-11-30T11:00:00.000Z', 'presence-tablette-a-1')).status).toBe(204);
    // The same mark again (its answer was lost on the way): replayed, not recorded twice.
    const again = await mark('absent', '2026-11-30T11:00:00.000Z', 'presence-tablette-a-1');
    expect(again.status).toBe(204);
    expect(again.headers.get('idempotent-replayed')).toBe('true');

    const events = await eventually(async () => {
      const rows = await attendanceEvents();
      return rows.length >= 2 ? rows : undefined;
    });
    expect(events.map((e) => [(e.data as Json).status, (e.data as Json).superseded ?? false, (e.metadata as Json).idempotencyKey])).toEqual([
      ['present', false, 'presence-tablette-b-1'],
      ['absent', true, 'presence-tablette-a-1'],
    ]);
    // Léa's mark comes after both in the log: once the sheet shows it, the older mark was projected too, without effect.
    expect((await agent.post(`/service-days/CANTINE/${DAY}/attendance`, { childId: lea, status: 'present' })).status).toBe(204);
    const after = await eventually(async () => {
      const list = await sheet();
      return attendanceOf(list, lea) === 'present' ? list : undefined;
    });
    expect(attendanceOf(after, hugo)).toBe('present');
  });

  it('a tablet whose clock runs ahead cannot date a mark after the server’s now', async () => {
    expect(
      (await agent.post(`/service-days/CANTINE/${DAY}/attendance`, { childId: hugo, status: 'excused', markedAt: '2030-01-01T00:00:00.000Z' })).status,
    ).toBe(204);
    const events = await eventually(async () => {
      const rows = await attendanceEvents();
      return rows.length >= 3 ? rows : undefined;
    });
    expect((events.at(-1)!.data as Json).markedAt).toBe(clock.now().toISOString());
  });

  it('a malformed time is a 400 in French and records nothing', async () => {
    const before = (await attendanceEvents()).length;
    const response = await agent.post(`/service-days/CANTINE/${DAY}/attendance`, { childId: hugo, status: 'present', markedAt: 'hier midi' });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await bodyOf(response))).toContain('ISO 8601');
    expect((await attendanceEvents()).length).toBe(before);
  });
});

describe('what the back office asks the API for', () => {
  it('an agent finds a child by name, without health data; a parent may not search', async () => {
    const found = (await bodyOf(await agent.get('/children?q=hug'))) as unknown as Json[];
    expect(found).toEqual([expect.objectContaining({ childId: hugo, familyId, firstName: 'Hugo', lastName: 'Martin', className: 'MS' })]);
    expect(Object.keys(found[0]!)).not.toContain('allergies');
    expect((await agent.get('/children?q=h')).status).toBe(400);
    expect((await parent.get('/children?q=hug')).status).toBe(403);
  });

  it('staff find invoices by the start of their number; a parent may not', async () => {
    const response = await agent.get('/invoices?number=2026-000');
    expect(response.status).toBe(200);
    expect(await bodyOf(response)).toEqual({ invoices: [] });
    expect((await agent.get('/invoices?number=factures')).status).toBe(400);
    expect((await parent.get('/invoices?number=2026')).status).toBe(403);
  });

  it('the file of an invited family says until when its activation link is valid', async () => {
    const { familyId: invited } = await bodyOf(await agent.post('/families/invitations', { email: 'famille.durand@example.fr', familyName: 'Durand' }));
    const file = await eventually(async () => {
      const body = await bodyOf(await agent.get(`/families/${invited}`));
      return body.invitation ? body : undefined;
    });
    expect(file.invitation).toEqual({ sentAt: clock.now().toISOString(), expiresAt: new Date(clock.now().getTime() + 7 * 86_400_000).toISOString() });
  });
});
