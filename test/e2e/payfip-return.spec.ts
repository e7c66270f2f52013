import { billLastMonth, inviteFamily } from './support/api-client.js';
import { aPortalOnAFreshDatabase } from './support/portal-world.js';
import { cspViolations, openPage, saveScreenshot } from './support/browser.js';
import { createAccountThroughWizard } from './support/journey.js';

/**
 * The README's default setup: PUBLIC_URL unset, the portal opened at http://localhost:<port>.
 * Whatever PayFIP answers (refused, abandoned, paid), the parent comes back to the origin
 * they used, still signed in, on the invoices page that gives the result.
 */
describe('back from PayFIP without PUBLIC_URL', () => {
  const world = aPortalOnAFreshDatabase({ SEED_DEMO: 'true', LOG_LEVEL: 'warn' }, { publicUrl: false });

  it('lands on the origin the parent used, signed in, with the result, in all three outcomes', async () => {
    const portal = world.api.url.replace('127.0.0.1', 'localhost');
    const email = 'famille.payfip@example.fr';
    const { familyId, token } = await inviteFamily(world.api.url, email, 'Lambert');
    const { context, page, errors } = await openPage(world.browser, 'phone');
    try {
      await createAccountThroughWizard(page, `${portal}/activation/${token}`, { familyName: 'Lambert', guardian: 'Anne', children: ['Jules'] });
      await billLastMonth(world.api.url, familyId);

      const outcomes = [
        { choice: 'Paiement refusé', result: /refusé par votre banque/ },
        { choice: 'Paiement abandonné', result: /Le paiement a été abandonné/ },
        { choice: 'Paiement accepté', result: /Paiement accepté : la facture .* est payée/ },
      ];
      for (const { choice, result } of outcomes) {
        await page.goto(`${portal}/factures`);
        await page.getByRole('tab', { name: /En cours \(1\)/ }).waitFor();
        await page
          .locator('.invoice')
          .first()
          .getByRole('button', { name: /Payer en ligne/ })
          .click();
        await page.waitForURL(/payfip-sandbox\/paiement/);
        expect(new URL(page.url()).origin).toBe(portal);
        await page.getByLabel(choice).check();
        await page.getByRole('button', { name: 'Valider' }).click();
        await page.waitForURL(/\/factures\?paiement=/);
        expect({ choice, origin: new URL(page.url()).origin }).toEqual({ choice, origin: portal });
        await page.getByTestId('payment-result').filter({ hasText: result }).waitFor({ timeout: 20_000 });
        // Signed in: the page is the family's, not the login page.
        expect(new URL(page.url()).pathname).toBe('/factures');
        expect(await page.getByRole('heading', { level: 1, name: 'Mes factures' }).count()).toBe(1);
      }
      await page.getByRole('tab', { name: /Payées \(1\)/ }).waitFor();
      expect(cspViolations(errors)).toEqual([]);
      expect(errors).toEqual([]);
    } catch (error) {
      await saveScreenshot(page, 'payfip-return-failure').catch(() => undefined);
      throw new Error(`${(error as Error).message}\n--- page errors ---\n${errors.join('\n')}\n--- API output ---\n${world.api.logs().slice(-3000)}`, {
        cause: error,
      });
    } finally {
      await context.close();
    }
  }, 150_000);
});
