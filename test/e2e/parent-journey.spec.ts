import type { Page } from 'playwright-core';
import { billLastMonth, inviteFamily } from './support/api-client.js';
import { aPortalOnAFreshDatabase } from './support/portal-world.js';
import {
  accessibilityViolations,
  blockingViolations,
  cspViolations,
  horizontalOverflow,
  openPage,
  saveScreenshot,
  type ViewportName,
} from './support/browser.js';
import { basketCount, bookThreeCanteenDays, createAccountThroughWizard, openBasket, showWeek } from './support/journey.js';

/**
 * The parent's journey of the guide, in a real browser against the real API on a fresh
 * database (demo town seeded for its prestations, calendar and staff): invitation →
 * three-step account creation → 3 days in Vue Période and a range in Vue Agenda → basket
 * validated → validated state → one cancelled → an invoice paid through the PayFIP double.
 */
describe('a parent’s journey through the portal', () => {
  const world = aPortalOnAFreshDatabase({ SEED_DEMO: 'true', LOG_LEVEL: 'warn' });

  it.each<ViewportName>(['desktop', 'phone'])(
    'on a %s: invited, the parent creates the account, books, validates, cancels one day and pays an invoice online',
    async (viewport) => {
      // A screenshot for review at each step, and axe-core on the page as it is then.
      const blocking: string[] = [];
      const shot = async (name: string) => {
        await saveScreenshot(page, `journey-${viewport}-${name}`);
        if (name !== 'failure') blocking.push(...blockingViolations(await accessibilityViolations(page)).map((v) => `${name}: ${v}`));
      };
      const email = `famille.${viewport}@example.fr`;
      const { familyId, token } = await inviteFamily(world.api.url, email, 'Personnaz');
      const { context, page, errors } = await openPage(world.browser, viewport);
      page.on('dialog', (dialog) => void dialog.accept());
      try {
        // Guide 1.1–1.2: the link of the e-mail, three steps, signed in.
        await createAccountThroughWizard(
          page,
          `${world.api.url}/activation/${token}`,
          { familyName: 'Personnaz', guardian: 'Marc', children: ['Clara', 'Guilhem'] },
          `journey-${viewport}`,
        );
        await page.getByRole('button', { name: 'Accéder à mon espace famille' }).click();
        await page.waitForURL(/\/reservations$/);
        await page.waitForFunction(`document.title === 'Mes réservations | Espace famille — Mairie de Saint-Ardoise'`);

        // The child is chosen first, in words (the guide's first remark).
        const selector = page.getByRole('group', { name: 'Enfant concerné' });
        await selector.getByRole('radio', { name: /Clara/ }).waitFor();
        expect(await selector.getByRole('radio', { name: /Clara/ }).isChecked()).toBe(true);
        expect(await selector.getByRole('radio', { name: /Guilhem/ }).isChecked()).toBe(false);

        // Guide 2.1, Vue Période: three canteen days for Clara.
        const { weeksAhead, days } = await bookThreeCanteenDays(page);
        expect(await basketCount(page)).toBe('3 demandes');
        await shot('06-vue-periode-panier');

        // Guide 2.2, Vue Agenda: the evening care over a range of weeks.
        await page.getByRole('link', { name: 'Vue Agenda' }).click();
        await page.getByRole('combobox', { name: /^Prestation/ }).selectOption({ label: 'Accueil périscolaire du soir' });
        await page.getByRole('button', { name: 'Ajouter au panier' }).click();
        const result = page.getByTestId('agenda-result');
        await result.waitFor();
        const added = Number(/(\d+) jours? ajoutés?/.exec(await result.innerText())?.[1] ?? 0);
        expect(added).toBeGreaterThan(0);
        expect(await basketCount(page)).toBe(`${3 + added} demandes`);
        await shot('07-vue-agenda');

        // Validate the basket: a result per line, all validated.
        await openBasket(page);
        await page.getByRole('button', { name: 'Valider mon panier' }).click();
        const results = page.getByTestId('basket-results');
        await results.waitFor({ timeout: 15_000 });
        expect(await results.locator('li.outcome-validated').count()).toBe(3 + added);
        expect(await results.locator('li.outcome-rejected').count()).toBe(0);
        expect(await basketCount(page)).toBe('vide');
        await shot('08-panier-valide');
        if (viewport === 'phone') await page.getByRole('button', { name: 'Masquer le panier' }).click();

        // The validated state in Vue Période, then one day cancelled inside the window.
        await page.getByRole('link', { name: 'Vue Période' }).click();
        await showWeek(page, weeksAhead);
        for (const day of days) await page.locator(`button[data-service="CANTINE"][data-date="${day}"][data-state="validated"]`).waitFor();
        expect(await page.locator(`button[data-date="${days[0]}"][data-service="CANTINE"]`).textContent()).toMatch(
          /Restauration scolaire, [\s\S]* : [\s\S]*Validée[\s\S]* — Annulable jusqu’au/,
        );
        await page.locator(`button[data-service="CANTINE"][data-date="${days[0]}"]`).click();
        await page.getByRole('button', { name: 'Annuler cette réservation' }).click();
        await page.locator(`button[data-service="CANTINE"][data-date="${days[0]}"][data-state="free"]`).waitFor({ timeout: 15_000 });
        await page.locator(`button[data-service="CANTINE"][data-date="${days[1]}"][data-state="validated"]`).waitFor();
        await shot('09-annulation');

        // An absence declared on another validated day, with its reason; the day says so.
        await page.locator(`button[data-service="CANTINE"][data-date="${days[1]}"]`).click();
        await page.getByRole('button', { name: 'Signaler une absence' }).click();
        await page.getByRole('textbox', { name: /^Motif de l’absence/ }).fill('Rendez-vous médical');
        await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
        await page.getByRole('region', { name: 'Case choisie' }).filter({ hasText: 'Absence signalée' }).waitFor({ timeout: 15_000 });
        expect(await page.locator(`button[data-service="CANTINE"][data-date="${days[1]}"]`).textContent()).toContain('Absence signalée');

        // Guide 3: the town bills last month; the parent pays online through PayFIP (test mode).
        await billLastMonth(world.api.url, familyId);
        await payFirstInvoice(page, viewport, shot);
        await shot('11-facture-payee');

        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        expect(blocking).toEqual([]);
        expect(cspViolations(errors)).toEqual([]);
        expect(errors).toEqual([]);
      } catch (error) {
        await shot('failure').catch(() => undefined);
        throw new Error(`${(error as Error).message}\n--- API output ---\n${world.api.logs().slice(-3000)}`, { cause: error });
      } finally {
        await context.close();
      }
    },
    150_000,
  );
});

async function payFirstInvoice(page: Page, viewport: ViewportName, shot: (name: string) => Promise<void>): Promise<void> {
  if (viewport === 'phone') await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('link', { name: 'Mes factures' }).click();
  await page.getByRole('tab', { name: /En cours \(1\)/ }).waitFor();
  const invoice = page.locator('.invoice').first();
  expect(await invoice.getByTestId('invoice-status').innerText()).toMatch(/En cours/);
  await shot('10-factures');
  await invoice.getByRole('button', { name: /Payer en ligne/ }).click();
  await page.waitForURL(/payfip-sandbox\/paiement/);
  await page.getByLabel('Paiement accepté').check();
  await page.getByRole('button', { name: 'Valider' }).click();
  await page.waitForURL(/\/factures\?paiement=/);
  await page
    .getByTestId('payment-result')
    .filter({ hasText: /est payée/ })
    .waitFor({ timeout: 20_000 });
  const paidTab = page.getByRole('tab', { name: /Payées \(1\)/ });
  expect(await paidTab.getAttribute('aria-selected')).toBe('true');
  expect(await page.locator('.invoice').first().getByTestId('invoice-status').innerText()).toMatch(/Payée/);
}
