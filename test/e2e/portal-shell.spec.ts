import { aPortalOnAFreshDatabase } from './support/portal-world.js';
import { accessibilityViolations, blockingViolations, horizontalOverflow, openPage, saveScreenshot, type ViewportName } from './support/browser.js';

describe('the portal shell, served by the API on a fresh database', () => {
  const world = aPortalOnAFreshDatabase();

  it.each<ViewportName>(['desktop', 'phone'])(
    'a parent on a %s is welcomed in French on behalf of the town, with login and contact, and no internal names',
    async (viewport) => {
      const { context, page, errors } = await openPage(world.browser, viewport);
      try {
        const response = await page.goto(`${world.api.url}/`);
        expect(response?.status()).toBe(200);
        expect(await page.getAttribute('html', 'lang')).toBe('fr');

        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.waitForFunction(`document.title === 'Accueil | Espace famille — Mairie de Saint-Ardoise'`);
        await page.getByTestId('brand').filter({ hasText: 'Mairie de Saint-Ardoise' }).waitFor();
        expect(await page.getByRole('banner').innerText()).toContain('Espace famille');
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

        // Welcomed by the town, with the way in and whom to call; the software's parts stay out of sight.
        await page.getByTestId('welcome').filter({ hasText: 'La mairie de Saint-Ardoise vous accueille' }).waitFor();
        const main = page.getByRole('main');
        expect(await main.getByRole('link', { name: 'Se connecter' }).count()).toBe(1);
        expect(await main.getByRole('heading', { level: 2, name: 'Nous contacter' }).count()).toBe(1);
        expect(await main.getByRole('link', { name: '02 54 00 12 34' }).getAttribute('href')).toBe('tel:+33254001234');
        const text = await page.locator('body').innerText();
        for (const internal of ['catalogue-services', 'family-logins', 'Base de données', 'Journal des événements', 'projection'])
          expect(text).not.toContain(internal);

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
      await page.waitForFunction(`document.title === 'Page introuvable | Espace famille — Mairie de Saint-Ardoise'`);
    } finally {
      await context.close();
    }
  }, 60_000);
});
