import { DEMO_FAMILIES } from '#ardoise/families';
import { seedDemoTown } from '#ardoise/composition';
import { signIn, staff } from './support/families-fixtures.js';
import type { HttpClient } from './support/http-client.js';
import { bodyOf, eventually, startTestApp, type Json, type TestApp } from './support/test-app.js';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  await seedDemoTown(app.app, { info: () => undefined } as never);
}, 180_000);
afterAll(async () => {
  await app?.close();
}, 60_000);

/** Hugo Martin (demo town): peanut allergy, a PAI, a pork-free diet. */
const HEALTH = ['Arachide', '"allergies"', '"pai"', '"diet"', 'sans_porc'];
const expectNoHealthData = (text: string) => {
  for (const secret of HEALTH) expect(text).not.toContain(secret);
};

async function hugosFamily(auditor: HttpClient): Promise<string> {
  const page = await bodyOf(await auditor.get('/audit/events?category=family&type=ChildRegistered&limit=100'));
  const hugo = page.events.find((e: Json) => e.data.details?.firstName === 'Hugo');
  expect(hugo).toBeDefined();
  return hugo.data.familyId;
}

describe('health data (diet, allergies, PAI) is for the family and the town’s agents only', () => {
  it('an auditor reads the children’s events and states without their health data, in every audit view', async () => {
    const auditor = await staff(app, 'auditor');
    const familyId = await hugosFamily(auditor);
    const views = [
      `/audit/events?category=family&limit=500`,
      `/audit/events?type=ChildRegistered,ChildUpdated&direction=backwards`,
      `/audit/streams/family-${familyId}/events?limit=100`,
      `/audit/streams/family-${familyId}/state`,
      `/audit/streams/family-${familyId}/state?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z`,
      `/audit/export?category=family`,
      `/audit/export?stream=family-${familyId}`,
    ];
    for (const view of views) {
      const response = await auditor.get(view);
      expect(response.status).toBe(200);
      const text = await response.text();
      expectNoHealthData(text);
    }
    // What is not health data stays readable to the auditor.
    const state = await bodyOf(await auditor.get(`/audit/streams/family-${familyId}/state`));
    expect(
      Object.values(state.state.children)
        .map((c: any) => c.details.firstName)
        .sort(),
    ).toEqual(['Hugo', 'Léa']);
    expect(
      Object.values(state.state.children)
        .map((c: any) => c.details.className)
        .sort(),
    ).toEqual(['CM1', 'MS']);
  }, 60_000);

  it('an administrator, who may read the family file with its health data, sees it in the audit too', async () => {
    const admin = await staff(app, 'admin');
    const familyId = await hugosFamily(admin);
    const events = await (await admin.get(`/audit/streams/family-${familyId}/events?limit=100`)).text();
    expect(events).toContain('"allergies":"Arachide"');
    expect(events).toContain('"pai":true');
  }, 60_000);
});

describe('a request’s files are for the family and the town’s agents only', () => {
  it('finance and auditors read the thread but can neither download its files nor see a link to them', async () => {
    const { login } = DEMO_FAMILIES.find((f) => f.familyName === 'Martin')!;
    const parent = await signIn(app, login!.email, login!.password);
    const opened = await bodyOf(await parent.post('/requests', { topic: 'certificate', subject: 'Certificat médical', body: 'Le PAI de Hugo.' }));
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('%PDF-1.4\n%%EOF\n')], { type: 'application/pdf' }), 'pai-hugo.pdf');
    const uploaded = await fetch(`${app.baseUrl}/api/v1/requests/${opened.requestId}/attachments`, {
      method: 'POST',
      body: form,
      headers: {
        cookie: `ardoise_session=${parent.cookie('ardoise_session')}; XSRF-TOKEN=${parent.cookie('XSRF-TOKEN')}`,
        'x-xsrf-token': parent.cookie('XSRF-TOKEN')!,
      },
    });
    expect(uploaded.status).toBe(201);
    const thread = await eventually(async () => {
      const t = await bodyOf(await parent.get(`/requests/${opened.requestId}`));
      return t.attachments?.length === 1 ? t : undefined;
    });
    const path = thread.attachments[0].downloadPath as string;

    expect((await parent.get(path)).status).toBe(200);
    expect((await (await staff(app, 'agent')).get(path)).status).toBe(200);
    for (const role of ['finance', 'auditor'] as const) {
      const member = await staff(app, role);
      const refused = await member.get(path);
      expect(refused.status).toBe(403);
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const seen = await bodyOf(await member.get(`/requests/${opened.requestId}`));
      expect(seen.attachments).toHaveLength(1);
      expect(seen.attachments[0].downloadPath).toBeNull();
    }
  }, 60_000);
});
