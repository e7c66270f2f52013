import { randomUUID } from 'node:crypto';
import { FixedClock } from '#ardoise/commands';
import { AccountStore, DEMO_STAFF } from '#ardoise/identity';
import { seedDemoTown } from '#ardoise/composition';
import { anActiveFamily } from './support/families-fixtures.js';
import { HttpClient } from './support/http-client.js';
import { bodyOf, eventually, startTestApp, type Json, type TestApp } from './support/test-app.js';

let app: TestApp;
const clock = new FixedClock(new Date('2026-09-03T08:00:00Z')); // a Thursday
const silentLogger = { info: () => undefined } as never;

beforeAll(async () => {
  app = await startTestApp({ clock });
  await seedDemoTown(app.app, silentLogger);
});
afterAll(async () => {
  await app?.close();
});

async function signIn(email: string, password: string): Promise<HttpClient> {
  const client = new HttpClient(app.baseUrl);
  expect((await client.post('/auth/login', { email, password })).status).toBe(200);
  return client;
}
const staff = (role: string) => {
  const member = DEMO_STAFF.find((s) => s.role === role)!;
  return signIn(member.email, member.password);
};

const titles = (list: Json) => list.items.map((n: Json) => n.title);

describe('"Mes actualités": news and menus by audience and schedule', () => {
  let agent: HttpClient;
  let julesFerry: HttpClient; // a family with a child at École élémentaire Jules-Ferry
  let noChild: HttpClient; // a family whose school is unknown
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    agent = await staff('agent');
    julesFerry = (await anActiveFamily(app, 'famille.ferry@example.fr', { familyName: 'Ferry', child: 'Clara' })).parent;
    await app.app.get(AccountStore).create({
      email: 'famille.sans.enfant@example.fr',
      password: 'Cantine-du-lundi-2026',
      role: 'parent',
      displayName: 'Parent',
      familyId: randomUUID(),
    });
    noChild = await signIn('famille.sans.enfant@example.fr', 'Cantine-du-lundi-2026');

    const publish = async (key: string, body: Json) => {
      const response = await agent.post('/news', { kind: 'message', body: 'Texte.', audience: { scope: 'all' }, ...body });
      expect(response.status).toBe(201);
      ids[key] = (await bodyOf(response)).newsId;
      clock.set(new Date(clock.now().getTime() + 60_000)); // one a minute, to see the order
    };
    await publish('strike', { title: 'Grève du 10 septembre' });
    await publish('ferry', { title: 'Sortie scolaire Jules-Ferry', audience: { scope: 'school', school: 'école élémentaire jules-ferry ' } });
    await publish('other-school', { title: 'Kermesse Pasteur', audience: { scope: 'school', school: 'École Pasteur' } });
    await publish('service', { title: 'Centre de loisirs : sortie piscine', audience: { scope: 'service', serviceCode: 'MERCREDI' } });
    await publish('menus', { kind: 'menu', title: 'Menus de la semaine', week: '2026-08-31' });
    await publish('later', { title: 'Inscriptions des vacances de la Toussaint', visibleFrom: '2026-09-07T06:00:00Z' });
    await publish('withdrawn', { title: 'Annonce retirée' });
    expect((await agent.post(`/news/${ids.withdrawn}/withdraw`, { reason: 'Erreur de date' })).status).toBe(204);
    await eventually(async () => (await bodyOf(await agent.get('/news'))).items.some((n: Json) => n.status === 'withdrawn'));
  });

  it('a parent sees the current news for everyone and for their children’s school, newest first, all unread', async () => {
    const list = await bodyOf(await julesFerry.get('/news'));
    expect(titles(list)).toEqual(['Menus de la semaine', 'Sortie scolaire Jules-Ferry', 'Grève du 10 septembre']);
    expect(list.unreadCount).toBe(3);
    expect(list.items[0]).toMatchObject({ kind: 'menu', week: '2026-08-31', status: 'current', read: false });
  });

  it('a family with no child at that school sees only the news for everyone', async () => {
    expect(titles(await bodyOf(await noChild.get('/news')))).toEqual(['Menus de la semaine', 'Grève du 10 septembre']);
    expect((await noChild.get(`/news/${ids.ferry}`)).status).toBe(404);
    expect((await noChild.get(`/news/${ids.withdrawn}`)).status).toBe(404);
  });

  it('reading marks the news read for this login only', async () => {
    expect((await julesFerry.post(`/news/${ids.strike}/read`)).status).toBe(204);
    expect((await julesFerry.post(`/news/${ids.strike}/read`)).status).toBe(204);
    const list = await bodyOf(await julesFerry.get('/news'));
    expect(list.unreadCount).toBe(2);
    expect(list.items.find((n: Json) => n.id === ids.strike).read).toBe(true);
    expect((await bodyOf(await noChild.get('/news'))).unreadCount).toBe(2);
    expect((await noChild.post(`/news/${ids.ferry}/read`)).status).toBe(404);
  });

  it('scheduled news appear at their time, and a week’s menus go once the week is over', async () => {
    clock.set(new Date('2026-09-07T06:00:01Z')); // Monday morning
    const list = await bodyOf(await julesFerry.get('/news'));
    expect(titles(list)).toEqual(['Inscriptions des vacances de la Toussaint', 'Sortie scolaire Jules-Ferry', 'Grève du 10 septembre']);
    clock.set(new Date('2026-09-03T08:10:00Z'));
  });

  it('staff see every item with its status', async () => {
    const list = await bodyOf(await (await staff('auditor')).get('/news'));
    const status = Object.fromEntries(list.items.map((n: Json) => [n.title, n.status]));
    expect(status).toMatchObject({
      'Inscriptions des vacances de la Toussaint': 'scheduled',
      'Annonce retirée': 'withdrawn',
      'Kermesse Pasteur': 'current',
      'Centre de loisirs : sortie piscine': 'current',
    });
    expect(list.items).toHaveLength(7);
  });

  it('a parent cannot publish nor withdraw news (403); bad news is refused with field errors', async () => {
    const refused = await julesFerry.post('/news', { kind: 'message', title: 'Fausse annonce', body: 'x', audience: { scope: 'all' } });
    expect(refused.status).toBe(403);
    expect((await julesFerry.post(`/news/${ids.strike}/withdraw`, {})).status).toBe(403);
    expect((await (await staff('finance')).post('/news', { kind: 'message', title: 'x', body: 'x', audience: { scope: 'all' } })).status).toBe(403);

    const bad = await agent.post('/news', { kind: 'menu', title: '', body: 'x', audience: { scope: 'school' } });
    expect(bad.status).toBe(400);
    expect((await bodyOf(bad)).errors.map((e: Json) => e.field).sort()).toEqual(['audience.school', 'title', 'week']);
    const notMonday = await agent.post('/news', { kind: 'menu', title: 'Menus', body: 'x', audience: { scope: 'all' }, week: '2026-09-09' });
    expect(notMonday.status).toBe(400);
    expect((await agent.post(`/news/${randomUUID()}/withdraw`, {})).status).toBe(404);
  });
});
