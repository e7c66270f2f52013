import type { Page } from 'playwright-core';
import { ApiClient, DEMO_AGENT, DEMO_PARENT } from './support/api-client.js';
import { accessibilityViolations, blockingViolations, horizontalOverflow, openPage, saveScreenshot, type ViewportName } from './support/browser.js';
import { aPortalOnAFreshDatabase } from './support/portal-world.js';

/** What each footer link leads to: the page's heading and words it must carry. */
const LEGAL_PAGES = [
  {
    link: 'Mentions légales',
    path: '/mentions-legales',
    heading: 'Mentions légales',
    words: ['Éditeur', 'SIRET : 214 109 999 00018', 'Directeur de la publication', 'Hébergement'],
  },
  {
    link: 'Accessibilité : partiellement conforme',
    path: '/accessibilite',
    heading: 'Déclaration d’accessibilité',
    words: ['État de conformité', 'RGAA', 'Résultats des tests', 'Contenus non accessibles', 'Défenseur des droits', 'periscolaire@saint-ardoise.fr'],
  },
  {
    link: 'Données personnelles',
    path: '/donnees-personnelles',
    heading: 'Données personnelles',
    words: ['Responsable du traitement', 'Base légale', 'Durées de conservation', 'Destinataires', 'Vos droits', 'dpo@saint-ardoise.fr', 'CNIL'],
  },
];

describe('the town and its legal pages, from every page’s footer', () => {
  const world = aPortalOnAFreshDatabase({ SEED_DEMO: 'true', LOG_LEVEL: 'warn' });

  /** Follows each legal link of the footer from `start`, checking the page, its words and axe-core. */
  async function followFooterLinks(page: Page, start: string, viewport: ViewportName, problems: string[]): Promise<void> {
    for (const legal of LEGAL_PAGES) {
      await page.goto(`${world.api.url}${start}`);
      const footer = page.getByRole('contentinfo');
      await footer.getByText('Mairie de Saint-Ardoise — service périscolaire').waitFor();
      await footer.getByRole('navigation', { name: 'Informations légales' }).getByRole('link', { name: legal.link }).click();
      await page.waitForURL(`**${legal.path}`);
      await page.getByRole('heading', { level: 2 }).first().waitFor();
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(legal.heading);
      expect(await page.title()).toContain(legal.heading);
      const text = await page.getByRole('main').innerText();
      for (const words of legal.words) if (!text.includes(words)) problems.push(`${legal.path} from ${start}: « ${words} » missing`);
      for (const line of blockingViolations(await accessibilityViolations(page))) problems.push(`${legal.path} (${viewport}): ${line}`);
      const overflow = await horizontalOverflow(page);
      if (overflow > 0) problems.push(`${legal.path} (${viewport}): ${overflow}px wider than the screen`);
      await saveScreenshot(page, `legal-${viewport}${start.replace(/\//g, '-')}${legal.path.replace(/\//g, '-')}`);
    }
  }

  it.each<ViewportName>(['desktop', 'phone'])(
    'on a %s, the footer of the home page and of a signed-in page leads to each legal page, accessible',
    async (viewport) => {
      const problems: string[] = [];
      const { context, page, errors } = await openPage(world.browser, viewport);
      try {
        await followFooterLinks(page, '/', viewport, problems);
        // The town's coat of arms is in the banner, served by the API.
        expect(
          await page
            .getByRole('banner')
            .locator('img.brand-mark')
            .evaluate((img) => (img as unknown as { complete: boolean; naturalWidth: number }).naturalWidth > 0),
        ).toBe(true);

        await page.goto(`${world.api.url}/connexion`);
        await page.getByRole('textbox', { name: /^Adresse e-mail/ }).fill(DEMO_PARENT.email);
        await page.getByRole('textbox', { name: /^Mot de passe/ }).fill(DEMO_PARENT.password);
        await page.getByRole('button', { name: 'Se connecter' }).click();
        await page.waitForURL(/\/reservations$/);
        await followFooterLinks(page, '/factures', viewport, problems);
        // Still signed in on a legal page: the parent's menu is there.
        expect(await page.locator('#menu-principal a[href="/factures"]').count()).toBe(1); // folded behind « Menu » on a phone

        expect(problems).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    120_000,
  );

  it('the activation e-mail names the town, says whom to call, and mentions the spam folder', async () => {
    const agent = await ApiClient.signedIn(world.api.url, DEMO_AGENT.email, DEMO_AGENT.password);
    const email = 'nouvelle.famille@example.fr';
    await agent.json('POST', '/families/invitations', { email, familyName: 'Lefèvre' });
    let mail: { subject: string; text: string } | undefined;
    // Until the invitation's e-mail is in the outbox: a bound for a hang, not for a loaded runner.
    for (const deadline = Date.now() + 60_000; !mail && Date.now() < deadline;) {
      const list = await agent.json<{ items: { id: string }[] }>('GET', `/outbox?to=${encodeURIComponent(email)}`);
      if (list.items[0]) mail = await agent.json('GET', `/outbox/${list.items[0].id}`);
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(mail?.subject).toBe('Créez votre espace famille — Mairie de Saint-Ardoise');
    expect(mail?.text).toContain('La mairie de Saint-Ardoise vous invite à créer votre espace famille');
    expect(mail?.text).toContain('Appelez le service périscolaire au 02 54 00 12 34');
    expect(mail?.text).toContain('(spam)');
    expect(mail?.text).toContain('Le service périscolaire — Mairie de Saint-Ardoise');
  }, 120_000);
});
