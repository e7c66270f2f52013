import { DEMO_STAFF } from '#ardoise/identity';
import { HttpClient } from './http-client.js';
import { bodyOf, eventually, type TestApp } from './test-app.js';

/** Domain-worded builders for the families scenarios. */
export const PARENT_PASSWORD = 'Cantine-du-lundi-2026';

export const aChild = (overrides: Record<string, unknown> = {}) => ({
  lastName: 'Durand',
  firstName: 'Clara',
  birthDate: '2018-05-02',
  school: 'École élémentaire Jules-Ferry',
  className: 'CE2',
  diet: 'standard',
  allergies: null,
  pai: false,
  ...overrides,
});

export const aGuardian = (overrides: Record<string, unknown> = {}) => ({
  civility: 'madame',
  lastName: 'Durand',
  firstName: 'Anne',
  mobilePhone: '06 12 34 56 78',
  email: 'anne.durand@example.fr',
  address: { line1: '4 rue du Lavoir', postalCode: '41120', city: 'Chailles' },
  ...overrides,
});

export const anAccountStep = (email: string, overrides: Record<string, unknown> = {}) => ({
  familyName: 'Durand',
  email,
  password: PARENT_PASSWORD,
  passwordConfirmation: PARENT_PASSWORD,
  ...overrides,
});

export const anActivation = (email: string, names: { familyName?: string; child?: string; guardian?: string } = {}) => ({
  account: anAccountStep(email, { familyName: names.familyName ?? 'Durand' }),
  guardians: {
    responsable1: aGuardian({ lastName: names.familyName ?? 'Durand', firstName: names.guardian ?? 'Anne', email }),
    responsable2: aGuardian({ civility: 'monsieur', firstName: 'Paul', lastName: names.familyName ?? 'Durand', address: null, email: null }),
  },
  children: { children: [aChild({ lastName: names.familyName ?? 'Durand', firstName: names.child ?? 'Clara' })] },
});

export async function signIn(app: TestApp, email: string, password: string): Promise<HttpClient> {
  const client = new HttpClient(app.baseUrl);
  const response = await client.post('/auth/login', { email, password });
  if (response.status !== 200) throw new Error(`sign-in of ${email} answered ${response.status}`);
  return client;
}

export function staff(app: TestApp, role: 'admin' | 'agent' | 'finance' | 'auditor'): Promise<HttpClient> {
  const member = DEMO_STAFF.find((s) => s.role === role)!;
  return signIn(app, member.email, member.password);
}

/** Reads the newest e-mail sent to `to` from the outbox (as an agent) and returns the token of its link. */
export async function linkFromOutbox(agent: HttpClient, to: string, path: string): Promise<string> {
  const page = await bodyOf(await agent.get(`/outbox?to=${encodeURIComponent(to)}`));
  const newest = page.items[0];
  if (!newest) throw new Error(`no e-mail to ${to}`);
  const mail = await bodyOf(await agent.get(`/outbox/${newest.id}`));
  const match = new RegExp(`/${path}/([A-Za-z0-9_-]+)`).exec(mail.text);
  if (!match) throw new Error(`no /${path}/ link in the e-mail to ${to}`);
  return match[1]!;
}

export async function invite(app: TestApp, email: string, familyName?: string): Promise<{ familyId: string; token: string }> {
  const agent = await staff(app, 'agent');
  const response = await agent.post('/families/invitations', { email, ...(familyName ? { familyName } : {}) });
  if (response.status !== 201) throw new Error(`invitation answered ${response.status}: ${await response.text()}`);
  const { familyId } = await bodyOf(response);
  return { familyId, token: await linkFromOutbox(agent, email, 'activation') };
}

/** An invited family that went through the three steps: its parent's browser is signed in. */
export async function anActiveFamily(
  app: TestApp,
  email: string,
  names: { familyName?: string; child?: string; guardian?: string } = {},
): Promise<{ familyId: string; parent: HttpClient; file: Record<string, any> }> {
  const { familyId, token } = await invite(app, email, names.familyName);
  const parent = new HttpClient(app.baseUrl);
  const response = await parent.post(`/activations/${token}`, anActivation(email, names));
  if (response.status !== 201) throw new Error(`activation answered ${response.status}: ${await response.text()}`);
  const file = await familyFile(parent, familyId, (f) => f.status === 'active' && f.children.length > 0);
  return { familyId, parent, file };
}

/** The family file once the projection shows what `ready` waits for. */
export function familyFile(client: HttpClient, familyId: string, ready: (file: Record<string, any>) => boolean = () => true) {
  return eventually(async () => {
    const response = await client.get(`/families/${familyId}`);
    if (response.status !== 200) return undefined;
    const file = await bodyOf(response);
    return ready(file) ? file : undefined;
  });
}
