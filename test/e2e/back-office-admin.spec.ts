import type { Page } from 'playwright-core';
import { ApiClient, inviteFamily } from './support/api-client.js';
import { DEMO_ADMIN, DEMO_AUDITOR, eventually, signInThroughPortal } from './support/back-office.js';
import { accessibilityViolations, blockingViolations, openPage, saveScreenshot } from './support/browser.js';
import { aPortalOnAFreshDatabase } from './support/portal-world.js';

/** Serious or critical axe-core violations of the page as it is now, with a screenshot for the record. */
async function accessibilityProblems(page: Page, name: string): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  await saveScreenshot(page, `admin-${name}`);
  return blockingViolations(await accessibilityViolations(page)).map((line) => `${name}: ${line}`);
}

describe('the administrators’ pages (/admin)', () => {
  const world = aPortalOnAFreshDatabase({ SEED_DEMO: 'true', LOG_LEVEL: 'warn' });

  it('an admin creates an agent account; the agent signs in and lands on /gestion, under « Espace agents »', async () => {
    const admin = await openPage(world.browser, 'desktop');
    const agent = await openPage(world.browser, 'desktop');
    try {
      await signInThroughPortal(admin.page, world.api.url, DEMO_ADMIN, /\/admin$/);
      expect(await admin.page.getByTestId('brand-service').innerText()).toBe('Administration');
      const problems = await accessibilityProblems(admin.page, 'home');

      await admin.page.getByRole('link', { name: 'Comptes du personnel' }).first().click();
      await admin.page.getByRole('heading', { name: 'Comptes du personnel', level: 1 }).waitFor();
      await admin.page.getByTestId('staff-accounts').getByText('admin@demo.ardoise.fr').waitFor();
      problems.push(...(await accessibilityProblems(admin.page, 'comptes')));

      // A mistyped confirmation is caught, field by field, before anything is sent.
      const form = admin.page.getByTestId('create-staff-account');
      await form.getByRole('textbox', { name: /^E-mail/ }).fill('nina.agent@demo.ardoise.fr');
      await form.getByRole('textbox', { name: /^Nom affiché/ }).fill('Nina, accueil du soir');
      await form.getByRole('combobox', { name: /^Rôle/ }).selectOption('agent');
      await form.locator('#password').fill('Accueil-Soir-2026!');
      await form.locator('#passwordConfirmation').fill('Accueil-Soir-2027!');
      await form.getByRole('button', { name: 'Créer le compte' }).click();
      await admin.page.getByText('Les deux mots de passe ne sont pas identiques.').first().waitFor({ timeout: 60_000 });
      problems.push(...(await accessibilityProblems(admin.page, 'comptes-erreur')));

      await form.locator('#passwordConfirmation').fill('Accueil-Soir-2026!');
      await form.getByRole('button', { name: 'Créer le compte' }).click();
      // argon2id on a loaded 2-core machine: the answer may take a while.
      await admin.page.getByTestId('admin-message').getByText('Compte créé : nina.agent@demo.ardoise.fr.').waitFor({ timeout: 60_000 });
      await admin.page.getByTestId('staff-accounts').getByText('nina.agent@demo.ardoise.fr').waitFor({ timeout: 60_000 });

      await signInThroughPortal(agent.page, world.api.url, { email: 'nina.agent@demo.ardoise.fr', password: 'Accueil-Soir-2026!' }, /\/gestion$/);
      expect(await agent.page.getByTestId('bo-user').innerText()).toContain('Nina, accueil du soir');
      expect(await agent.page.getByTestId('brand-service').innerText()).toBe('Espace agents');

      // The only admin cannot take away their own role: the API says why, nothing changes.
      await admin.page.getByRole('combobox', { name: 'Rôle de Administration' }).selectOption('agent');
      await admin.page.getByRole('button', { name: 'Changer le rôle de Administration' }).click();
      await admin.page
        .getByTestId('admin-error')
        .getByText(/au moins un administrateur actif/)
        .waitFor({ timeout: 60_000 });
      expect(problems).toEqual([]);
    } finally {
      await admin.context.close();
      await agent.context.close();
    }
  }, 120_000);

  it('an admin erases a test family through the confirmation step; the auditors’ API then shows its events as erased', async () => {
    const { familyId } = await inviteFamily(world.api.url, 'famille.oubliette@example.fr', 'Oubliette');
    const admin = await openPage(world.browser, 'desktop');
    try {
      await signInThroughPortal(admin.page, world.api.url, DEMO_ADMIN, /\/admin$/);
      await admin.page.goto(`${world.api.url}/admin/rgpd`);
      await admin.page.getByRole('heading', { name: 'Effacement RGPD d’une famille' }).waitFor();
      const problems = await accessibilityProblems(admin.page, 'rgpd');

      await admin.page.getByTestId('erasure-search').fill('Oubliette');
      await admin.page.locator('ard-erasure-page').getByRole('button', { name: 'Rechercher' }).click();
      await admin.page.getByRole('button', { name: 'Préparer l’effacement de Oubliette' }).click();
      const preview = admin.page.getByTestId('erasure-preview');
      await preview.getByRole('heading', { name: 'Ce qui sera effacé : famille Oubliette' }).waitFor();
      expect(Number(await preview.getByTestId('count-emails').innerText())).toBeGreaterThan(0);
      expect(Number(await preview.getByTestId('count-events').innerText())).toBeGreaterThan(0);

      // The button stays off until the family's name is typed.
      const erase = preview.getByRole('button', { name: 'Effacer définitivement cette famille' });
      await preview.getByTestId('erasure-confirm').fill('Oublie');
      expect(await erase.isDisabled()).toBe(true);
      await preview.getByText('Le nom tapé ne correspond pas.').waitFor();
      problems.push(...(await accessibilityProblems(admin.page, 'rgpd-confirmation')));
      await preview.getByTestId('erasure-confirm').fill('oubliette');
      await erase.click();

      const result = admin.page.getByTestId('erasure-result');
      await result.getByText('✓ Clé de la famille détruite').waitFor();
      await result.getByText('✓ Événement FamilyForgotten enregistré au journal').waitFor();
      await admin.page.getByTestId('erasure-history').getByText(familyId).waitFor();
      expect(await admin.page.getByTestId('erasure-history').innerText()).toContain('Administration (admin)');
      problems.push(...(await accessibilityProblems(admin.page, 'rgpd-resultat')));
      expect(problems).toEqual([]);
    } finally {
      await admin.context.close();
    }

    const auditor = await ApiClient.signedIn(world.api.url, DEMO_AUDITOR.email, DEMO_AUDITOR.password);
    const page = await auditor.json<{ events: { type: string; data: unknown }[] }>('GET', `/audit/streams/family-${familyId}/events`);
    expect(page.events.map((e) => e.type)).toEqual(['ActivationInvitationSent', 'FamilyForgotten']);
    expect(JSON.stringify(page.events[0]!.data)).toContain('donnée personnelle effacée');
    expect(JSON.stringify(page.events)).not.toMatch(/Oubliette|oubliette@/i);
    const all = await auditor.json<{ events: { streamId: string; type: string }[] }>('GET', `/audit/events?type=FamilyForgotten`);
    expect(all.events.map((e) => e.streamId)).toContain(`family-${familyId}`);
  }, 120_000);

  it('the health page shows each projection with an hour of lag (chart and table), the outbox and the jobs, and rebuilds a projection with its progress', async () => {
    const admin = await openPage(world.browser, 'desktop');
    try {
      await signInThroughPortal(admin.page, world.api.url, DEMO_ADMIN, /\/admin$/);
      await admin.page.goto(`${world.api.url}/admin/sante`);
      await admin.page.getByTestId('health-overall').waitFor();
      const projections = admin.page.getByTestId('projections');
      await projections.getByRole('rowheader', { name: 'family-erasures' }).waitFor();
      // A sample is written at start and every 30 s.
      await eventually(async () => {
        if ((await admin.page.locator('ard-lag-chart canvas').count()) > 0) return true;
        await admin.page.getByRole('button', { name: 'Actualiser' }).click();
        return undefined;
      }, 40_000);
      await admin.page.getByText('Voir les mesures en tableau').click();
      expect(await admin.page.getByTestId('lag-table').locator('thead th').allInnerTexts()).toContain('family-erasures');
      expect(await admin.page.getByTestId('jobs').innerText()).toContain('PayFIP');
      expect(await admin.page.getByTestId('outbox-counts').innerText()).toContain('Retenus');
      const problems = await accessibilityProblems(admin.page, 'sante');

      await admin.page.getByRole('button', { name: 'Reconstruire la projection family-erasures' }).click();
      await admin.page.getByTestId('rebuild').getByText('✓ Terminée : la nouvelle version est en service').waitFor({ timeout: 30_000 });
      problems.push(...(await accessibilityProblems(admin.page, 'sante-reconstruction')));
      expect(problems).toEqual([]);
    } finally {
      await admin.context.close();
    }
  }, 120_000);
});
