import { seedDemoTown } from '#ardoise/composition';
import { aChild, aGuardian, anAccountStep, anActivation, invite } from './support/families-fixtures.js';
import { HttpClient } from './support/http-client.js';
import { bodyOf, startTestApp, type TestApp } from './support/test-app.js';

let app: TestApp;
let token: string;
let familyId: string;
const email = 'saisie.invalide@example.fr';
const huge = 'x'.repeat(5000);
const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  app = await startTestApp();
  await seedDemoTown(app.app, { info: () => undefined } as never);
  ({ token, familyId } = await invite(app, email));
}, 60_000);
afterAll(async () => {
  await app?.close();
});

async function familyEvents(): Promise<string[]> {
  const types = [];
  for await (const event of app.infrastructure.store.readStream(`family-${familyId}`)) types.push(event.type);
  return types;
}

async function expectRefused(path: string, body: unknown, fields: string[]) {
  const response = await new HttpClient(app.baseUrl).post(path, body);
  expect(response.status).toBe(400);
  const problem = await bodyOf(response);
  if (fields.length === 0) return;
  expect(problem.code).toBe('REQUEST.INVALID');
  const got = problem.errors.map((e: { field: string }) => e.field);
  for (const field of fields) expect(got).toContain(field);
  for (const error of problem.errors) for (const message of error.messages) expect(message).not.toMatch(/\bmust\b|\bshould\b/);
}

const cases: [string, string, unknown, string[]][] = [
  ['step 1: nothing at all', 'steps/family-account', {}, ['familyName', 'email', 'password', 'passwordConfirmation']],
  ['step 1: a wrong e-mail', 'steps/family-account', anAccountStep('pas-une-adresse'), ['email']],
  ['step 1: a weak password', 'steps/family-account', anAccountStep(email, { password: 'soleil', passwordConfirmation: 'soleil' }), ['password']],
  ['step 1: mismatched passwords', 'steps/family-account', anAccountStep(email, { passwordConfirmation: 'Autre-mot-de-passe-2026' }), ['passwordConfirmation']],
  ['step 1: a huge family name', 'steps/family-account', anAccountStep(email, { familyName: huge }), ['familyName']],
  ['step 1: a family name of spaces', 'steps/family-account', anAccountStep(email, { familyName: '   ' }), ['familyName']],
  ['step 1: an e-mail already used by a login', 'steps/family-account', anAccountStep('agent@demo.ardoise.fr'), ['email']],
  ['step 2: no Responsable 1', 'steps/guardians', {}, ['responsable1']],
  [
    'step 2: Responsable 1 without phone nor address',
    'steps/guardians',
    { responsable1: aGuardian({ mobilePhone: null, address: null }) },
    ['responsable1.mobilePhone', 'responsable1.address'],
  ],
  [
    'step 2: wrong types',
    'steps/guardians',
    { responsable1: aGuardian({ civility: 'docteur', lastName: 42, mobilePhone: 'abc' }) },
    ['responsable1.civility', 'responsable1.lastName', 'responsable1.mobilePhone'],
  ],
  [
    'step 2: a bad postcode and e-mail',
    'steps/guardians',
    { responsable1: aGuardian({ email: 'x@', address: { line1: '1 rue', postalCode: '123', city: 'Blois' } }) },
    ['responsable1.email', 'responsable1.address.postalCode'],
  ],
  ['step 2: an unknown field', 'steps/guardians', { responsable1: aGuardian({ religion: 'aucune' }) }, ['responsable1.religion']],
  ['step 3: no child', 'steps/children', { children: [] }, ['children']],
  ['step 3: a birth date in the future', 'steps/children', { children: [aChild({ birthDate: tomorrow })] }, ['children.0.birthDate']],
  ['step 3: an impossible date', 'steps/children', { children: [aChild({ birthDate: '2019-02-30' })] }, ['children.0.birthDate']],
  ['step 3: an adult', 'steps/children', { children: [aChild({ birthDate: '1990-01-01' })] }, ['children.0.birthDate']],
  [
    'step 3: a diet with a reason, and a PAI that is not a yes/no',
    'steps/children',
    { children: [aChild({ diet: 'halal (religion)', pai: 'oui' })] },
    ['children.0.diet', 'children.0.pai'],
  ],
  [
    'step 3: huge allergies text and no school',
    'steps/children',
    { children: [aChild({ allergies: huge, school: undefined })] },
    ['children.0.allergies', 'children.0.school'],
  ],
];

describe('bad input on every step of the account creation', () => {
  it.each(cases)(
    '%s: 400 with the field errors, in French',
    async (_label, step, body, fields) => {
      await expectRefused(`/activations/${token}/${step}`, body, fields);
    },
    60_000,
  );

  it('the final submission re-checks every step, names each field by its step, and writes nothing', async () => {
    const form = anActivation(email);
    const bad = {
      account: { ...form.account, password: 'faible' },
      guardians: { responsable1: { ...form.guardians.responsable1, address: null } },
      children: { children: [aChild({ birthDate: tomorrow })] },
    };
    await expectRefused(`/activations/${token}`, bad, ['account.password', 'guardians.responsable1.address', 'children.children.0.birthDate']);
    await expectRefused(`/activations/${token}`, '{"account": ', []);
    await expectRefused(`/activations/${token}`, [], []);
    expect(await familyEvents()).toEqual(['ActivationInvitationSent']);
    expect(await app.infrastructure.db.selectFrom('accounts').select('id').where('family_id', '=', familyId).execute()).toEqual([]);
    // The link still works: a mistake does not burn it.
    expect((await new HttpClient(app.baseUrl).get(`/activations/${token}`)).status).toBe(200);
  }, 60_000);

  it('the parent’s later edits are checked the same way, and a refused edit changes nothing', async () => {
    const parent = new HttpClient(app.baseUrl);
    expect((await parent.post(`/activations/${token}`, anActivation(email))).status).toBe(201);
    const before = await familyEvents();
    expect((await parent.post(`/families/${familyId}/children`, aChild({ birthDate: tomorrow }))).status).toBe(400);
    expect((await parent.post(`/families/${familyId}/children`, { ...aChild(), firstName: ['Léa'] })).status).toBe(400);
    expect((await parent.post(`/families/${familyId}/guardians`, aGuardian({ civility: 'x' }))).status).toBe(400);
    expect((await parent.put(`/families/${familyId}/children/not-a-uuid`, aChild())).status).toBe(400);
    expect(await familyEvents()).toEqual(before);
  }, 60_000);
});
