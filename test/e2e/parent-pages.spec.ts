import type { Page } from 'playwright-core';
import { ApiClient, DEMO_AGENT, DEMO_PARENT, inviteFamily, linkFromOutbox } from './support/api-client.js';
import { aPortalOnAFreshDatabase } from './support/portal-world.js';
import { accessibilityViolations, blockingViolations, horizontalOverflow, openPage, saveScreenshot, type ViewportName } from './support/browser.js';
import { PARENT_PASSWORD } from './support/journey.js';

/** Every parent page, checked by axe-core (WCAG 2.1 A/AA) and for sideways scrolling, and the grid by keyboard only. */
describe('the parent pages, for everyone', () => {
  const world = aPortalOnAFreshDatabase({ SEED_DEMO: 'true', LOG_LEVEL: 'warn' });

  /** axe on the page as it is now, and no wider than the screen; a screenshot for review. */
  async function check(page: Page, viewport: ViewportName, name: string, problems: string[]): Promise<void> {
    await saveScreenshot(page, `pages-${viewport}-${name}`);
    for (const line of blockingViolations(await accessibilityViolations(page))) problems.push(`${name}: ${line}`);
    const overflow = await horizontalOverflow(page);
    if (overflow > 0) problems.push(`${name}: ${overflow}px wider than the screen`);
  }

  async function signIn(page: Page, who: { email: string; password: string }): Promise<void> {
    await page.goto(`${world.api.url}/connexion`);
    await page.getByRole('textbox', { name: /^Adresse e-mail/ }).fill(who.email);
    await page.getByRole('textbox', { name: /^Mot de passe/ }).fill(who.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/reservations$/);
  }

  it.each<ViewportName>(['desktop', 'phone'])(
    'on a %s, no page a parent meets has a serious or critical accessibility violation',
    async (viewport) => {
      const problems: string[] = [];
      const { context, page, errors } = await openPage(world.browser, viewport);
      page.on('dialog', (dialog) => void dialog.accept());
      try {
        // Before signing in: login (and its errors), forgotten password, the wizard's three steps.
        await page.goto(`${world.api.url}/connexion`);
        await page.getByRole('button', { name: 'Se connecter' }).click();
        await page.getByRole('alert').filter({ hasText: 'Le formulaire contient des erreurs' }).waitFor();
        await check(page, viewport, 'connexion-erreurs', problems);
        await page.goto(`${world.api.url}/mot-de-passe-oublie`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await check(page, viewport, 'mot-de-passe-oublie', problems);

        const { token } = await inviteFamily(world.api.url, `a11y.${viewport}@example.fr`, 'Durand');
        await page.goto(`${world.api.url}/activation/${token}`);
        await page.getByRole('heading', { level: 2, name: /Étape 1 sur 3/ }).waitFor();
        await page.getByRole('button', { name: 'Suivant' }).click();
        await page.getByRole('alert').filter({ hasText: 'Le formulaire contient des erreurs' }).waitFor();
        await check(page, viewport, 'creation-compte-1-erreurs', problems);
        await page.getByRole('textbox', { name: /^Mot de passe/ }).fill(PARENT_PASSWORD);
        await page.getByRole('textbox', { name: /^Confirmez/ }).fill(PARENT_PASSWORD);
        await page.getByRole('button', { name: 'Suivant' }).click();
        await page.getByRole('heading', { level: 2, name: /Étape 2 sur 3/ }).waitFor();
        await page.getByRole('checkbox', { name: /deuxième responsable/ }).check();
        await page.getByRole('button', { name: 'Suivant' }).click();
        await page.getByRole('alert').filter({ hasText: 'Le formulaire contient des erreurs' }).waitFor();
        await check(page, viewport, 'creation-compte-2-erreurs', problems);
        await page.getByRole('checkbox', { name: /deuxième responsable/ }).uncheck();
        await page.getByRole('group', { name: 'Responsable 1' }).getByLabel('Monsieur').check();
        const r1 = page.getByRole('group', { name: 'Responsable 1' });
        await r1.getByRole('textbox', { name: /^Prénom/ }).fill('Paul');
        await r1.getByRole('textbox', { name: /^Téléphone portable/ }).fill('07 11 22 33 44');
        await r1.getByRole('textbox', { name: /^Numéro et rue/ }).fill('3 place de la Mairie');
        await r1.getByRole('textbox', { name: /^Code postal/ }).fill('41120');
        await r1.getByRole('textbox', { name: /^Commune/ }).fill('Saint-Ardoise');
        await page.getByRole('button', { name: 'Suivant' }).click();
        await page.getByRole('heading', { level: 2, name: /Étape 3 sur 3/ }).waitFor();
        await check(page, viewport, 'creation-compte-3', problems);

        // Signed in as the demo town's parent: every page of the menu and what opens in it.
        await signIn(page, DEMO_PARENT);
        await page.locator('table.planning').first().waitFor();
        // Late in the week (e.g. Thursday after 18:00) nothing of this week can change any more: the next week can.
        const changeable = page.locator('button[data-state="validated"], button[data-state="free"]');
        if ((await changeable.count()) === 0) await page.getByRole('button', { name: 'Semaine suivante' }).click();
        await changeable.first().focus();
        await check(page, viewport, 'reservations-periode', problems);
        await page.getByRole('button', { name: 'Mois' }).click();
        await page.locator('.period-title').filter({ hasText: /\d{4}/ }).waitFor();
        await check(page, viewport, 'reservations-mois', problems);
        await page.getByRole('link', { name: 'Vue Agenda' }).click();
        await page.getByRole('heading', { level: 2, name: 'Réserver sur une période' }).waitFor();
        await check(page, viewport, 'reservations-agenda', problems);

        for (const [path, name, ready] of [
          ['/factures', 'factures', 'tab'],
          ['/actualites', 'actualites', 'status'],
          ['/foyer', 'foyer', 'heading'],
          ['/compte', 'compte', 'heading'],
        ] as const) {
          await page.goto(`${world.api.url}${path}`);
          if (ready === 'tab') await page.getByRole('tab').first().waitFor();
          else if (ready === 'status') await page.getByRole('status').first().waitFor();
          else await page.getByRole('heading', { level: 2 }).first().waitFor();
          await check(page, viewport, name, problems);
        }
        await page.goto(`${world.api.url}/foyer`);
        await page.getByRole('button', { name: /Modifier Léa/ }).click();
        await page.getByRole('heading', { level: 2, name: 'Modifier Léa Martin' }).waitFor();
        await check(page, viewport, 'foyer-modifier-enfant', problems);

        await page.goto(`${world.api.url}/demandes`);
        await page.getByRole('button', { name: /Nouvelle demande/ }).click();
        await page.getByRole('textbox', { name: /^Objet/ }).fill(`Attestation de quotient familial (${viewport})`);
        await page.getByRole('textbox', { name: /^Message/ }).fill('Bonjour, voici notre attestation.');
        await check(page, viewport, 'demandes-nouvelle', problems);
        await page.getByRole('button', { name: 'Envoyer' }).click();
        await page.getByRole('heading', { level: 2, name: 'Répondre' }).waitFor();
        await check(page, viewport, 'demande', problems);

        // Responsable 2's own login, from the invitation the parent sends in Mon foyer.
        await page.goto(`${world.api.url}/foyer`);
        await page
          .getByRole('button', { name: /Inviter à avoir son propre identifiant|Renvoyer l’invitation/ })
          .first()
          .click();
        await page.getByRole('button', { name: 'Envoyer l’invitation', exact: true }).click();
        await page.getByRole('status').filter({ hasText: 'Invitation envoyée' }).waitFor();
        const agent = await ApiClient.signedIn(world.api.url, DEMO_AGENT.email, DEMO_AGENT.password);
        const invitation = await linkFromOutbox(agent, 'marc.martin@demo.ardoise.fr', 'invitation');
        if (viewport === 'phone') await page.getByRole('button', { name: 'Menu' }).click();
        await page.getByRole('button', { name: 'Se déconnecter' }).click();
        await page.waitForURL(/\/connexion/);
        await page.goto(`${world.api.url}/invitation/${invitation}`);
        await page.getByRole('heading', { level: 1, name: 'Choisissez votre mot de passe' }).waitFor();
        await check(page, viewport, 'invitation-responsable-2', problems);

        expect(problems).toEqual([]);
        expect(errors).toEqual([]);
      } catch (error) {
        await saveScreenshot(page, `pages-${viewport}-failure`).catch(() => undefined);
        throw error;
      } finally {
        await context.close();
      }
    },
    120_000,
  );

  it('a parent books a day in the Vue Période grid and validates the basket with the keyboard only', async () => {
    const { context, page } = await openPage(world.browser, 'desktop');
    try {
      await signIn(page, { email: 'sami.bernard@demo.ardoise.fr', password: DEMO_PARENT.password });
      await page.locator('table.planning').first().waitFor();
      const focused = () =>
        page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          return {
            cell: el?.dataset['cell'] ?? null,
            state: el?.dataset['state'] ?? null,
            service: el?.dataset['service'] ?? null,
            text: el?.textContent?.trim() ?? '',
          };
        });

      // Tab from the top of the page into the grid (one tab stop for the whole grid).
      await page.locator('body').focus();
      const tabUntil = async (done: (f: Awaited<ReturnType<typeof focused>>) => boolean, shift = false) => {
        for (let i = 0; i < 60; i++) {
          await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
          if (done(await focused())) return;
        }
        throw new Error('never reached by Tab');
      };
      for (let week = 0; ; week++) {
        await tabUntil((f) => f.cell !== null);
        if ((await page.locator('button[data-service="CANTINE"][data-state="free"]').count()) > 0) break;
        if (week > 8) throw new Error('no free canteen day within eight weeks');
        await tabUntil((f) => f.text.startsWith('Semaine suivante'), true);
        const title = await page.locator('.period-title').innerText();
        await page.keyboard.press('Enter');
        await page.waitForFunction((before) => document.querySelector('.period-title')?.textContent !== before, title);
      }

      // Arrows to the canteen row, then right until a free day; Enter puts it in the basket.
      for (let i = 0; i < 8 && (await focused()).service !== 'CANTINE'; i++) await page.keyboard.press('ArrowUp');
      for (let i = 0; i < 8 && (await focused()).state !== 'free'; i++) await page.keyboard.press('ArrowRight');
      const chosen = await focused();
      expect(chosen).toMatchObject({ service: 'CANTINE', state: 'free' });
      await page.keyboard.press('Enter');
      await page.locator(`button[data-cell="${chosen.cell}"][data-state="requested"]`).waitFor();
      expect((await page.getByTestId('basket-count').innerText()).trim()).toBe('1 demande');
      // Focus stayed on the day, which now says so.
      expect(await focused()).toMatchObject({ cell: chosen.cell, state: 'requested' });
      expect(await page.getByRole('status').filter({ hasText: 'Ajouté au panier' }).count()).toBe(1);

      // Leaving with an unvalidated basket: the parent is warned, and may stay.
      const warning = new Promise<string>((resolve) => page.once('dialog', (dialog) => (resolve(dialog.message()), void dialog.dismiss())));
      await page.getByRole('link', { name: 'Mes factures' }).click();
      expect(await warning).toMatch(/Votre panier contient 1 demande qui n’est pas encore validée/);
      expect(new URL(page.url()).pathname).toBe('/reservations');
      await page.locator(`button[data-cell="${chosen.cell}"]`).focus();

      // On to « Valider mon panier », by Tab, and Enter.
      await tabUntil((f) => f.text === 'Valider mon panier');
      await page.keyboard.press('Enter');
      await page.getByTestId('basket-results').filter({ hasText: '1 demande validée' }).waitFor();
      await page.locator(`button[data-cell="${chosen.cell}"][data-state="validated"]`).waitFor();

      // In a month (one table per week), Down from a week's last row goes on to the next week.
      await page.getByRole('button', { name: 'Mois' }).click();
      await page.locator('button[data-cell^="1:"]').first().waitFor();
      await page.locator('button[data-cell][tabindex="0"]').focus();
      for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowDown');
      expect((await focused()).cell).toMatch(/^1:/);
    } finally {
      await context.close();
    }
  }, 60_000);
});
