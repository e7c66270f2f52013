import { bodyOf, eventually, startTestApp, type TestApp } from './support/test-app.js';
import { seedDemoTown } from '#ardoise/composition';
import type { HealthReport, ServiceView } from '#ardoise/contracts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

describe('operations', () => {
  it('reports health: database, event store and each projection with its lag', async () => {
    const report: HealthReport = await eventually(async () => {
      const response = await fetch(`${app.baseUrl}/api/v1/health`);
      const body = (await response.json()) as HealthReport;
      return response.status === 200 && body.status === 'ok' && body.projections.length > 0 ? body : undefined;
    });
    expect(report.checks.database.status).toBe('ok');
    expect(report.checks.eventStore).toEqual({ status: 'ok', adapter: 'postgresql' });
    expect(report.projections.map((p) => p.name)).toContain('catalogue-services');
    const services = report.projections.find((p) => p.name === 'catalogue-services')!;
    expect(services.lagEvents).toBe(0);
    expect(services.heartbeatAt).not.toBeNull();
  });

  it('publishes the OpenAPI document at /api/docs-json and the explorer at /api/docs', async () => {
    const document = await bodyOf(await fetch(`${app.baseUrl}/api/docs-json`));
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/v1/health', '/api/v1/catalogue/services']));
    const explorer = await fetch(`${app.baseUrl}/api/docs`);
    expect(explorer.status).toBe(200);
    expect(await explorer.text()).toContain('swagger');
  });

  it('seeds the demo town through commands, projects it, and seeding again duplicates nothing', async () => {
    expect((await seedDemoTown(app.app, silentLogger)).created).toBe(5 + 4 + 2); // prestations + staff accounts + demo families
    const services = await eventually(async () => {
      const list = (await (await fetch(`${app.baseUrl}/api/v1/catalogue/services`)).json()) as ServiceView[];
      return list.length === 5 ? list : undefined;
    });
    expect(services.find((s) => s.code === 'CANTINE')).toEqual({
      code: 'CANTINE',
      label: 'Restauration scolaire',
      kind: 'canteen',
      weekdays: [1, 2, 4, 5],
      dailyCapacity: null,
      season: 'school',
    });
    expect(services.find((s) => s.code === 'VACANCES')?.season).toBe('holidays');
    expect(services.find((s) => s.code === 'MERCREDI')?.dailyCapacity).toBe(40);
    expect((await seedDemoTown(app.app, silentLogger)).created).toBe(0);
  });
});

const silentLogger = { info: () => undefined } as never;
