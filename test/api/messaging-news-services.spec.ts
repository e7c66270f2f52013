import { FixedClock } from '#ardoise/commands';
import { seedDemoTown } from '#ardoise/composition';
import { childrenOf, signInParent, signInStaff } from './reservations-world.js';
import type { HttpClient } from './support/http-client.js';
import { bodyOf, eventually, startTestApp, type Json, type TestApp } from './support/test-app.js';

const clock = new FixedClock(new Date('2026-12-01T09:00:00Z'));
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ clock });
  await seedDemoTown(app.app, { info: () => undefined } as never);
}, 60_000);
afterAll(async () => {
  await app?.close();
});

const titles = async (parent: HttpClient): Promise<string[]> => ((await bodyOf(await parent.get('/news'))).items as Json[]).map((n) => n.title);

describe('news for the families using a prestation', () => {
  it('reach a family once one of its children is booked on that prestation, and not the others', async () => {
    const martin = await signInParent(app, 'claire.martin@demo.ardoise.fr');
    const bernard = await signInParent(app, 'sami.bernard@demo.ardoise.fr');
    const agent = await signInStaff(app, 'agent');
    const published = await agent.post('/news', {
      kind: 'message',
      title: 'Accueil du matin : nouvel horaire',
      body: 'Ouverture à 7 h 15.',
      audience: { scope: 'service', serviceCode: 'MATIN' },
    });
    expect(published.status).toBe(201);
    await eventually(async () => ((await bodyOf(await agent.get('/news'))).items as Json[]).some((n) => n.title === 'Accueil du matin : nouvel horaire'));
    expect(await titles(martin.client)).not.toContain('Accueil du matin : nouvel horaire');

    const [child] = await childrenOf(app.infrastructure.db, martin.familyId);
    const requested = await martin.client.post(`/families/${martin.familyId}/basket/lines`, {
      lines: [{ childId: child!.child_id, serviceCode: 'MATIN', date: '2026-12-07' }],
    });
    expect(requested.status).toBe(201);
    // In the basket only: not yet a user of the prestation.
    expect(await titles(martin.client)).not.toContain('Accueil du matin : nouvel horaire');
    expect((await martin.client.post(`/families/${martin.familyId}/basket/validation`, {})).status).toBe(200);

    await eventually(async () => (await titles(martin.client)).includes('Accueil du matin : nouvel horaire'));
    expect(await titles(bernard.client)).not.toContain('Accueil du matin : nouvel horaire');
  }, 60_000);
});
