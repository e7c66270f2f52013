import { aPortalOnAFreshDatabase } from './support/portal-world.js';
import {
  accessibilityViolations,
  blockingViolations,
  horizontalOverflow,
  openPage,
  saveScreenshot,
  type ViewportName,
} from './support/browser.js';

describe('the portal shell, served by the API on a fresh database', () => {
  const world = aPortalOnAFreshDatabase();

  it.each<ViewportName>(['desktop', 'phone'])(
    'a parent on a %s sees the home page in French and that the service is available',
    async (viewport) => {
      const { context, page, errors } = await openPage(world.browser, viewport);
      try {
        const response = await page.goto(`${world.api.url}/`);
        expect(response?.status()).toBe(200);
        expect(await page.getAttribute('html', 'lang')).toBe('fr');

        await page.getByRole('heading', { level: 1 }).waitFor();
        expect(await page.title()).toBe('Accueil | Ardoise — Mon espace famille');
        expect(await page.getByRole('banner').innerText()).toContain('Ardoise — Mon espace famille');
        expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Bienvenue dans votre espace famille');
        if (viewport === 'phone') {
          // On a phone the menu folds behind a button that says whether it is open.
          const toggle = page.getByRole('button', { name: 'Menu' });
          expect(await toggle.getAttribute('aria-expanded')).toBe('false');
          await toggle.click();
          // Rendering follows the click by a frame (signals): wait for it rather than read at once.
          await page.locator('button.menu-toggle[aria-expanded="true"]').waitFor({ timeout: 5_000 });
        }
        expect(await page.getByRole('navigation', { name: 'Navigation principale' }).count()).toBe(1);
        expect(await page.getByRole('banner').getByRole('link', { name: 'Se connecter' }).count()).toBe(1);
        expect(await page.getByRole('main').count()).toBe(1);

        // The verdict comes from the real /api/v1/health, in words, in a live region.
        const verdict = page.getByRole('status').filter({ hasText: 'Service disponible' });
        await verdict.waitFor({ timeout: 15_000 });
        expect(await verdict.getAttribute('aria-live')).toBe('polite');
        expect(await page.getByTestId('check-database').innerText()).toMatch(/Base de données\s+✓?\s*Fonctionnement normal/);
        expect(await page.getByTestId('check-event-store').innerText()).toMatch(/Journal des événements \(PostgreSQL\)\s+✓?\s*Fonctionnement normal/);

        // Usable on a phone: nothing wider than the screen.
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

        await saveScreenshot(page, `portal-shell-${viewport}`);

        expect(blockingViolations(await accessibilityViolations(page))).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    60_000,
  );

  it('a parent following a stale link is told in French that the page does not exist', async () => {
    const { context, page } = await openPage(world.browser, 'desktop');
    try {
      const response = await page.goto(`${world.api.url}/une-page-qui-n-existe-pas`);
      expect(response?.status()).toBe(200); // the API serves the portal for any non-API path
      await page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
      expect(await page.title()).toBe('Page introuvable | Ardoise — Mon espace famille');
    } finally {
      await context.close();
    }
  }, 60_000);
});
