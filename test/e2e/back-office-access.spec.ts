import type { Page } from 'playwright-core';
import { ApiClient, DEMO_AGENT, DEMO_FINANCE, DEMO_PARENT } from './support/api-client.js';
import { DEMO_ADMIN, DEMO_AUDITOR, signInThroughPortal } from './support/back-office.js';
import { accessibilityViolations, blockingViolations, horizontalOverflow, openPage, saveScreenshot, type ViewportName } from './support/browser.js';
import { aPortalOnAFreshDatabase } from './support/portal-world.js';

const AGENT_ROUTES = [
  '/gestion',
  '/gestion/familles',
  '/gestion/familles/nouvelle',
  '/gestion/journee',
  '/gestion/presences',
  '/gestion/recherche?q=Martin',
  '/gestion/catalogue',
  '/gestion/listes-attente',
  '/gestion/actualites',
  '/gestion/demandes',
  '/gestion/courriels',
];

/**
 * Each staff role lands on its own area; a parent, an auditor or a visitor never gets the
 * agents' pages (nor their data), and every back-office page passes axe-core on a desktop
 * and on a tablet.
 */
describe('the back office, role by role', () => {
  const world = aPortalOnAFreshDatabase({ SEED_DEMO: 'true', LOG_LEVEL: 'warn' });

  /** Opens each agents' page and checks it is refused without asking the API for anything of it. */
  async function expectRefused(page: Page, refusedAt: RegExp): Promise<void> {
    for (const route of AGENT_ROUTES) {
      const calls: string[] = [];
      const listener = (r: { url(): string }) => {
        const url = new URL(r.url());
        // Every page asks who is signed in and the town's identity (public): nothing else.
        const everyPage = url.pathname === '/api/v1/auth/me' || url.pathname === '/api/v1/town' || url.pathname.startsWith('/api/v1/town/');
        if ((url.pathname.startsWith('/api/') && !everyPage) || url.pathname.endsWith('back-office-theme.css')) calls.push(url.pathname);
      };
      // The back office's code: any script naming the shell's element.
      const backOfficeCode: Promise<string | null>[] = [];
      const scripts = (r: { url(): string; text(): Promise<string> }) => {
        if (r.url().endsWith('.js'))
          backOfficeCode.push(
            r.text().then(
              (t) => (t.includes('ard-back-office-shell') ? new URL(r.url()).pathname : null),
              () => null,
            ),
          );
      };
      page.on('request', listener);
      page.on('response', scripts);
      await page.goto(`${world.api.url}${route}`);
      await page.waitForURL(refusedAt);
      await page.waitForLoadState('networkidle');
      page.off('request', listener);
      page.off('response', scripts);
      expect({ route, calls }).toEqual({ route, calls: [] });
      expect({ route, scripts: (await Promise.all(backOfficeCode)).filter(Boolean) }).toEqual({ route, scripts: [] });
      expect(await page.locator('ard-back-office-shell').count()).toBe(0);
    }
  }

  it('a parent and an auditor are refused every agents’ page, a visitor is asked to sign in, and nothing of it is loaded', async () => {
    const { context, page } = await openPage(world.browser, 'desktop');
    try {
      await expectRefused(page, /\/connexion\?retour=/);
      await signInThroughPortal(page, world.api.url, DEMO_PARENT, /\/reservations$/);
      await page.locator('table.planning').first().waitFor(); // the parent's own page has read its data
      await expectRefused(page, /\/acces-refuse/);
      await page.getByTestId('forbidden').waitFor();
      await page.getByRole('button', { name: 'Se déconnecter' }).click();
      await page.waitForURL(/\/connexion/);
      await signInThroughPortal(page, world.api.url, DEMO_AUDITOR, /\/audit$/);
      await page.locator('ard-area-home tbody tr').first().waitFor(); // the auditor's home has read its events
      await expectRefused(page, /\/acces-refuse/);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('each staff role lands on its own home; the auditor reads the finance area without its buttons', async () => {
    for (const [who, home] of [
      [DEMO_AGENT, /\/gestion$/],
      [DEMO_FINANCE, /\/finances$/],
      [DEMO_AUDITOR, /\/audit$/],
      [DEMO_ADMIN, /\/admin$/],
    ] as const) {
      const { context, page } = await openPage(world.browser, 'desktop');
      try {
        await signInThroughPortal(page, world.api.url, who, home);
        await page.locator('ard-back-office-shell').waitFor();
        if (who === DEMO_AUDITOR) {
          await page.goto(`${world.api.url}/finances`);
          await page.getByText('Lecture seule : vous pouvez consulter, pas modifier.').waitFor();
        }
      } finally {
        await context.close();
      }
    }
  }, 120_000);

  it.each<ViewportName>(['desktop', 'tablet'])(
    'on a %s, no back-office page has a serious or critical accessibility violation',
    async (viewport) => {
      const problems: string[] = [];
      const agentApi = await ApiClient.signedIn(world.api.url, DEMO_AGENT.email, DEMO_AGENT.password);
      const [martin] = await agentApi.json<{ familyId: string }[]>('GET', '/families?q=Martin');
      const check = async (page: Page, name: string) => {
        await page.waitForLoadState('networkidle');
        await saveScreenshot(page, `back-office-${viewport}-${name}`);
        for (const line of blockingViolations(await accessibilityViolations(page))) problems.push(`${name}: ${line}`);
        const overflow = await horizontalOverflow(page);
        if (overflow > 0) problems.push(`${name}: ${overflow}px wider than the screen`);
      };

      const { context, page, errors } = await openPage(world.browser, viewport);
      try {
        await signInThroughPortal(page, world.api.url, DEMO_AGENT, /\/gestion$/);
        await check(page, 'gestion');
        // By keyboard: « / » jumps to the search box from anywhere in the back office.
        await page.locator('body').click({ position: { x: 5, y: 5 } });
        await page.keyboard.press('/');
        expect(await page.evaluate(`document.activeElement?.getAttribute('data-testid')`)).toBe('global-search');
        await page.keyboard.type('Martin');
        await page.keyboard.press('Enter');
        await page.getByTestId('search-families').waitFor();
        await check(page, 'recherche');
        await page.goto(`${world.api.url}/gestion/familles?q=Hugo`);
        await page.getByTestId('families-table').getByRole('link', { name: 'Martin' }).waitFor();
        await check(page, 'familles');
        await page.goto(`${world.api.url}/gestion/familles/${martin!.familyId}`);
        await page.getByTestId('act-week').waitFor();
        await page.getByTestId('act-week').getByRole('button').first().click();
        await page.getByTestId('act-panel').waitFor();
        await check(page, 'famille');
        await page.goto(`${world.api.url}/gestion/familles/nouvelle`);
        await page.getByRole('button', { name: 'Créer le dossier' }).click();
        await page.getByRole('alert').filter({ hasText: 'Le formulaire contient des erreurs' }).waitFor();
        await check(page, 'famille-nouvelle-erreurs');
        await page.goto(`${world.api.url}/gestion/journee`);
        await page.getByTestId('day-occupancy').waitFor();
        await check(page, 'journee');
        await page.goto(`${world.api.url}/gestion/presences`);
        await page.getByTestId('attendance-pending').waitFor();
        await check(page, 'presences');
        await page.getByRole('button', { name: 'Se déconnecter' }).click();
        await page.waitForURL(/\/connexion/);

        for (const [who, home, name] of [
          [DEMO_FINANCE, /\/finances$/, 'finances'],
          [DEMO_AUDITOR, /\/audit$/, 'audit'],
          [DEMO_ADMIN, /\/admin$/, 'admin'],
        ] as const) {
          await signInThroughPortal(page, world.api.url, who, home);
          await page.locator('ard-area-home').waitFor();
          await check(page, name);
          await page.getByRole('button', { name: 'Se déconnecter' }).click();
          await page.waitForURL(/\/connexion/);
        }
        await page.goto(`${world.api.url}/acces-refuse?page=/admin`);
        await check(page, 'acces-refuse');
      } finally {
        await context.close();
      }
      expect(problems).toEqual([]);
      expect(errors.filter((e) => !/HTTP 4\d\d/.test(e))).toEqual([]);
    },
    180_000,
  );
});
