import { HttpClient } from './support/http-client.js';
import { bodyOf, eventually, startTestApp, type TestApp } from './support/test-app.js';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ env: { TOWN_NAME: 'Mairie de Bourg-Ardent', TOWN_PHONE: '03 85 11 22 33', TOWN_COLOR: '#0b5e3f' } });
  // Let the projections finish starting, so that closing the app does not cut them mid-way.
  await eventually(async () => {
    const health = await bodyOf(await new HttpClient(app.baseUrl).get('/health'));
    return health.status === 'ok' && health.projections.length > 0;
  }, 30_000);
}, 120_000);

afterAll(async () => {
  await app?.close();
}, 30_000);

describe('the town, for every visitor (GET /api/v1/town)', () => {
  const visitor = () => new HttpClient(app.baseUrl);

  it('tells who runs the portal, from the configuration, without signing in', async () => {
    const response = await visitor().get('/town');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    const town = await bodyOf(response);
    expect(town).toMatchObject({
      name: 'Mairie de Bourg-Ardent',
      phone: '03 85 11 22 33',
      colors: { primary: '#0b5e3f' },
      logoUrl: '/api/v1/town/logo',
      accessibilityConformity: 'partiellement conforme',
    });
    expect(town.legalPages.map((p: { slug: string }) => p.slug)).toEqual(['mentions-legales', 'accessibilite', 'donnees-personnelles']);
    // Nothing internal about the software's parts.
    expect(JSON.stringify(town)).not.toMatch(/catalogue-services|family-logins|projection/);
  });

  it('serves the coat of arms as an image that can run nothing', async () => {
    const response = await visitor().get('/town/logo');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await response.text()).toContain('<svg');
  });

  it('serves each legal page in sections, and a French 404 for another', async () => {
    for (const slug of ['mentions-legales', 'accessibilite', 'donnees-personnelles']) {
      const page = await bodyOf(await visitor().get(`/town/legal/${slug}`));
      expect(page.slug).toBe(slug);
      expect(page.sections.length).toBeGreaterThan(3);
      expect(JSON.stringify(page)).toContain('Bourg-Ardent');
    }
    const missing = await visitor().get('/town/legal/cgu');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect((await bodyOf(missing)).title).toBe('Page introuvable.');
  });
});
