import type { Browser } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { inviteFamily } from './support/api-client.js';
import { startApi, type RunningApi } from './support/api-process.js';
import { horizontalOverflow, launchBrowser, openPage, saveScreenshot, type ViewportName } from './support/browser.js';
import { createAccountThroughWizard } from './support/journey.js';

/**
 * The parent's journey of the guide, in a real browser against the real API on a fresh
 * database (demo town seeded for its prestations and staff): invitation → three-step
 * account creation → reservations → basket → invoice paid.
 */
describe('a parent’s journey through the portal', () => {
  let database: TestDatabase | undefined;
  let api: RunningApi | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startApi({ databaseUrl: database.url, env: { SEED_DEMO: 'true', LOG_LEVEL: 'warn' } });
    browser = await launchBrowser();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    await database?.drop();
  }, 30_000);

  it.each<ViewportName>(['desktop', 'phone'])(
    'on a %s: invited by e-mail, the parent creates the account in three steps and lands in the signed-in portal',
    async (viewport) => {
      const email = `famille.${viewport}@example.fr`;
      const { token } = await inviteFamily(api!.url, email, 'Personnaz');
      const { context, page, errors } = await openPage(browser!, viewport);
      try {
        await createAccountThroughWizard(page, `${api!.url}/activation/${token}`, { familyName: 'Personnaz', guardian: 'Marc', children: ['Clara', 'Guilhem'] }, `journey-${viewport}`);
        await page.getByRole('button', { name: 'Accéder à mon espace famille' }).click();
        await page.waitForURL(/\/reservations/);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        await saveScreenshot(page, `journey-${viewport}-05-reservations`);
        expect(errors).toEqual([]);
      } catch (error) {
        await saveScreenshot(page, `journey-${viewport}-failure`).catch(() => undefined);
        throw new Error(`${(error as Error).message}\n--- API output ---\n${api!.logs().slice(-3000)}`);
      } finally {
        await context.close();
      }
    },
    120_000,
  );
});
