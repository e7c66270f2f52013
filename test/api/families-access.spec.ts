import { seedDemoTown } from '#ardoise/composition';
import { aChild, aGuardian, anActiveFamily, staff } from './support/families-fixtures.js';
import { HttpClient } from './support/http-client.js';
import { bodyOf, startTestApp, type TestApp } from './support/test-app.js';

type Who = 'own parent' | 'other parent' | 'agent' | 'finance' | 'auditor' | 'anonymous';
const EVERYONE: Who[] = ['own parent', 'other parent', 'agent', 'finance', 'auditor', 'anonymous'];

let app: TestApp;
let familyId: string;
let file: Record<string, any>;
let clients: Record<Who, HttpClient>;

beforeAll(async () => {
  app = await startTestApp();
  await seedDemoTown(app.app, { info: () => undefined } as never);
  const own = await anActiveFamily(app, 'famille.lefebvre@example.fr', { familyName: 'Lefebvre', child: 'Jade' });
  const other = await anActiveFamily(app, 'famille.moreau@example.fr', { familyName: 'Moreau', child: 'Tom' });
  ({ familyId, file } = own);
  clients = {
    'own parent': own.parent,
    'other parent': other.parent,
    agent: await staff(app, 'agent'),
    finance: await staff(app, 'finance'),
    auditor: await staff(app, 'auditor'),
    anonymous: new HttpClient(app.baseUrl),
  };
}, 60_000);
afterAll(async () => {
  await app?.close();
});

/** A child the next request may act upon: a new one (registered by the agent) for those allowed to, the first one for the others. */
async function aChildFor(who: Who): Promise<string> {
  if (who !== 'own parent' && who !== 'agent') return file.children[0].childId;
  const response = await clients.agent.post(`/families/${familyId}/children`, aChild({ firstName: 'Témoin' }));
  expect(response.status).toBe(201);
  return (await bodyOf(response)).childId;
}

interface Endpoint {
  name: string;
  call: (client: HttpClient, who: Who) => Promise<Response>;
  expected: Record<Who, number>;
}

const readAll = (own: number): Record<Who, number> => ({ 'own parent': own, 'other parent': 404, agent: 200, finance: 200, auditor: 200, anonymous: 401 });
const familyWrite = (ok: number): Record<Who, number> => ({ 'own parent': ok, 'other parent': 404, agent: ok, finance: 403, auditor: 403, anonymous: 401 });
const staffOnly = (ok: number, roles: Who[]): Record<Who, number> =>
  Object.fromEntries(EVERYONE.map((who) => [who, who === 'anonymous' ? 401 : roles.includes(who) ? ok : 403])) as Record<Who, number>;

const endpoints: Endpoint[] = [
  { name: 'GET the family file', call: (c) => c.get(`/families/${familyId}`), expected: readAll(200) },
  { name: 'GET the staff search', call: (c) => c.get('/families?q=Lefebvre'), expected: staffOnly(200, ['agent', 'finance', 'auditor']) },
  { name: 'POST a child', call: (c) => c.post(`/families/${familyId}/children`, aChild({ firstName: 'Nouveau' })), expected: familyWrite(201) },
  {
    name: 'PUT a child',
    call: async (c, who) => c.put(`/families/${familyId}/children/${await aChildFor(who)}`, aChild({ className: 'CM2' })),
    expected: familyWrite(204),
  },
  { name: 'DELETE a child', call: async (c, who) => c.delete(`/families/${familyId}/children/${await aChildFor(who)}`), expected: familyWrite(204) },
  {
    name: 'PUT a guardian',
    call: (c) =>
      c.put(`/families/${familyId}/guardians/${file.guardians[1].guardianId}`, aGuardian({ civility: 'monsieur', firstName: 'Paul', address: null })),
    expected: familyWrite(204),
  },
  {
    name: 'POST a guardian login invitation',
    call: (c) => c.post(`/families/${familyId}/guardians/${file.guardians[1].guardianId}/login-invitation`, { email: 'paul.lefebvre@example.fr' }),
    expected: familyWrite(202),
  },
  {
    name: 'PUT the quotient familial',
    call: (c) => c.put(`/families/${familyId}/quotient`, { amount: 812, validFrom: '2026-01-01', validUntil: '2026-12-31', proofReference: 'CAF-2026-01' }),
    expected: staffOnly(204, ['agent', 'finance']),
  },
  {
    name: 'POST an invitation',
    call: (c) => c.post('/families/invitations', { email: `invite.${Math.random().toString(36).slice(2)}@example.fr` }),
    expected: staffOnly(201, ['agent']),
  },
  {
    name: 'POST a family without internet',
    call: (c) =>
      c.post('/families', {
        familyName: 'Guichet',
        guardians: { responsable1: aGuardian({ lastName: 'Guichet' }) },
        children: [aChild({ lastName: 'Guichet' })],
      }),
    expected: staffOnly(201, ['agent']),
  },
  { name: 'DELETE a family (RGPD erasure)', call: (c) => c.delete(`/admin/families/${familyId}`), expected: staffOnly(204, []) },
];

describe('who may do what with a family (role AND ownership)', () => {
  for (const endpoint of endpoints) {
    it.each(EVERYONE)(
      `${endpoint.name} as %s`,
      async (who) => {
        const response = await endpoint.call(clients[who], who);
        expect({ who, status: response.status }).toEqual({ who, status: endpoint.expected[who] });
      },
      60_000,
    );
  }

  it('a direct-debit mandate is signed and revoked by finance or an agent, never by the parent or the auditor', async () => {
    const sign = (c: HttpClient) =>
      c.put(`/families/${familyId}/direct-debit-mandate`, { mandateReference: 'RUM-2026-000042', signedOn: '2026-02-01', iban: 'FR7630001007941234567890185' });
    const revoke = (c: HttpClient) => c.post(`/families/${familyId}/direct-debit-mandate/revocation`, { revokedOn: '2026-06-30' });
    for (const who of ['own parent', 'other parent', 'auditor'] as Who[]) expect((await sign(clients[who])).status).toBe(403);
    expect((await sign(clients.anonymous)).status).toBe(401);
    expect((await sign(clients.finance)).status).toBe(204);
    expect((await sign(clients.agent)).status).toBe(409);
    expect((await revoke(clients.auditor)).status).toBe(403);
    expect((await revoke(clients.agent)).status).toBe(204);
  }, 60_000);

  it('health data (diet, allergies, PAI) goes to the family and the agents, not to finance nor the auditor', async () => {
    const keys = async (who: Who) => Object.keys((await bodyOf(await clients[who].get(`/families/${familyId}`))).children[0]);
    for (const who of ['own parent', 'agent'] as Who[]) expect(await keys(who)).toEqual(expect.arrayContaining(['diet', 'allergies', 'pai']));
    for (const who of ['finance', 'auditor'] as Who[]) {
      const seen = await keys(who);
      expect(seen).toContain('firstName');
      for (const health of ['diet', 'allergies', 'pai']) expect(seen).not.toContain(health);
    }
  }, 60_000);

  it('an agent writing for a family is recorded as acting on its behalf', async () => {
    const response = await clients.agent.post(`/families/${familyId}/children`, aChild({ firstName: 'Guichet' }));
    expect(response.status).toBe(201);
    const { childId } = await bodyOf(response);
    let found;
    for await (const event of app.infrastructure.store.readStream(`family-${familyId}`))
      if ((event.data as { childId?: string }).childId === childId) found = event;
    expect(found!.metadata.actor).toMatchObject({ role: 'agent', onBehalfOfFamilyId: familyId });
  }, 60_000);
});
