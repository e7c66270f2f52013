import type { Page } from 'playwright-core';
import { ApiClient, DEMO_AGENT, DEMO_PARENT } from './support/api-client.js';
import { aPortalOnAFreshDatabase } from './support/portal-world.js';
import { accessibilityViolations, blockingViolations, openPage, saveScreenshot, type ViewportName } from './support/browser.js';
import { showWeek } from './support/journey.js';

/** Days without classes in the demo town's 2026-2027 year (holidays, zone A). */
const HOLIDAYS: [string, string][] = [
  ['2026-10-17', '2026-11-01'],
  ['2026-12-19', '2027-01-03'],
  ['2027-02-13', '2027-02-28'],
  ['2027-04-10', '2027-04-25'],
  ['2027-05-06', '2027-05-09'],
];
const iso = (date: Date) => date.toISOString().slice(0, 10);
const plusDays = (day: string, n: number) => iso(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000));
const inHolidays = (day: string) => HOLIDAYS.some(([from, to]) => from <= day && day <= to);
const mondayOf = (day: string) => plusDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));

/**
 * A Thursday at least a week ahead whose Tuesday and Thursday are school days: « le jour
 * d’école précédent » of that Thursday is the Tuesday (no school on Wednesday).
 */
function aThursdayAhead(): { thursday: string; tuesday: string } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
  let day = plusDays(today, 8);
  while (new Date(`${day}T00:00:00Z`).getUTCDay() !== 4 || inHolidays(day) || inHolidays(plusDays(day, -2))) day = plusDays(day, 1);
  return { thursday: day, tuesday: plusDays(day, -2) };
}

const longFrenchDay = (day: string) =>
  new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
const FRENCH_DAY = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });

async function signIn(page: Page, baseUrl: string, who: { email: string; password: string }, landing: RegExp): Promise<void> {
  await page.goto(`${baseUrl}/connexion`);
  await page.getByRole('textbox', { name: /^Adresse e-mail/ }).fill(who.email);
  await page.getByRole('textbox', { name: /^Mot de passe/ }).fill(who.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(landing);
}

/** A parent's API session and their family's first child. */
async function aParent(baseUrl: string, email: string): Promise<{ api: ApiClient; familyId: string; childId: string }> {
  const api = new ApiClient(baseUrl);
  const { familyId } = await api.json<{ familyId: string }>('POST', '/auth/login', { email, password: DEMO_PARENT.password });
  const file = await api.json<{ children: { childId: string }[] }>('GET', `/families/${familyId}`);
  return { api, familyId, childId: file.children[0]!.childId };
}

describe('the agents’ catalogue, waiting lists, news, requests and e-mails (back office)', () => {
  const world = aPortalOnAFreshDatabase({ SEED_DEMO: 'true', LOG_LEVEL: 'warn' });

  /** « Atelier théâtre », one place: Léa has it, Inès waits (once for the whole file). */
  let waiting: Promise<string> | undefined;
  const aChildWaiting = () =>
    (waiting ??= (async () => {
      const agent = await ApiClient.signedIn(world.api.url, DEMO_AGENT.email, DEMO_AGENT.password);
      await agent.json('POST', '/catalogue/services', {
        code: 'ATELIER',
        label: 'Atelier théâtre',
        kind: 'evening_care',
        weekdays: [1, 2, 4, 5],
        dailyCapacity: 1,
      });
      const rule = { kind: 'day_before', at: '18:00' };
      await agent.json('PUT', '/catalogue/services/ATELIER/booking-rules', { season: 'school', booking: rule, cancellation: rule });
      const { thursday } = aThursdayAhead();
      for (const email of [DEMO_PARENT.email, 'sami.bernard@demo.ardoise.fr']) {
        const parent = await aParent(world.api.url, email);
        await parent.api.json('POST', `/families/${parent.familyId}/basket/lines`, {
          lines: [{ childId: parent.childId, serviceCode: 'ATELIER', date: thursday }],
        });
        await parent.api.json('POST', `/families/${parent.familyId}/basket/validation`, {});
      }
      return thursday;
    })());

  it('an agent sets « le jour d’école précédent à 12:00 », reads its preview before saving, and the parents’ planning shows the same deadline', async () => {
    const { thursday, tuesday } = aThursdayAhead();
    const expected = `Réservable jusqu’au ${FRENCH_DAY.format(new Date(`${tuesday}T00:00:00Z`))} à 12:00`;

    const agent = await openPage(world.browser, 'desktop');
    try {
      await signIn(agent.page, world.api.url, DEMO_AGENT, /\/gestion/);
      await agent.page.goto(`${world.api.url}/gestion/catalogue`);
      await agent.page.getByRole('button', { name: 'Modifier Accueil périscolaire du soir' }).click();
      await agent.page.getByRole('heading', { name: 'Prestation : Accueil périscolaire du soir' }).waitFor();
      const booking = agent.page.getByRole('group', { name: 'Réservation' });
      await booking.getByRole('combobox', { name: 'Forme de la règle' }).selectOption('school_days_before');
      await booking.getByRole('spinbutton', { name: 'Nombre de jours' }).fill('1');
      await booking.getByRole('textbox', { name: 'Heure limite (HH:MM)' }).fill('12:00');
      await agent.page.getByRole('group', { name: 'Dates à essayer' }).getByLabel('Date', { exact: true }).fill(thursday);
      await agent.page.getByRole('button', { name: 'Voir l’aperçu' }).click();
      const preview = agent.page.locator(`[data-testid="rule-preview"] tr[data-date="${thursday}"] td.booking`);
      await preview.waitFor();
      expect((await preview.innerText()).trim()).toBe(expected);

      // Nothing saved yet: the parents still read « la veille à 18:00 ».
      const api = await ApiClient.signedIn(world.api.url, DEMO_AGENT.email, DEMO_AGENT.password);
      expect((await api.json('GET', '/catalogue/services/SOIR')).bookingText).toBe('la veille à 18:00');

      await agent.page.getByRole('button', { name: 'Enregistrer le règlement' }).click();
      await agent.page.getByRole('status').filter({ hasText: 'Règlement enregistré' }).waitFor();
      expect((await api.json('GET', '/catalogue/services/SOIR')).bookingText).toBe('le jour d’école précédent à 12:00');
    } finally {
      await agent.context.close();
    }

    const parent = await openPage(world.browser, 'desktop');
    try {
      await signIn(parent.page, world.api.url, DEMO_PARENT, /\/reservations$/);
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
      // The planning opens on this week, or on next week once this one is over (Saturday, Sunday).
      const weekend = [0, 6].includes(new Date(`${today}T00:00:00Z`).getUTCDay());
      const opensOn = mondayOf(weekend ? plusDays(today, 2) : today);
      await showWeek(parent.page, Math.round((Date.parse(mondayOf(thursday)) - Date.parse(opensOn)) / (7 * 86_400_000)));
      const tip = parent.page.locator(`button[data-service="SOIR"][data-date="${thursday}"] .cell-tip`).first();
      await tip.waitFor({ state: 'attached' });
      expect((await tip.textContent())?.trim()).toBe(expected);
    } finally {
      await parent.context.close();
    }
  }, 180_000);

  it('an agent defines the next school year with a holiday period (a wrong period is refused on its field), saves it and sees it in the calendar', async () => {
    const agent = await openPage(world.browser, 'desktop');
    const page = agent.page;
    try {
      await signIn(page, world.api.url, DEMO_AGENT, /\/gestion/);
      await page.goto(`${world.api.url}/gestion/catalogue`);
      await page.getByRole('button', { name: 'Définir une année scolaire' }).click();
      const form = page.getByRole('form', { name: 'Nouvelle année scolaire' });
      await form.waitFor();
      // Wednesday is not a school day unless the agent says so.
      const days = form.getByRole('group', { name: 'Jours d’école' });
      expect(await days.getByRole('checkbox', { name: 'mercredi' }).isChecked()).toBe(false);
      expect(await days.getByRole('checkbox', { name: 'jeudi' }).isChecked()).toBe(true);

      const problems = blockingViolations(await accessibilityViolations(page));

      await form.getByLabel(/^Année scolaire/).fill('2027-2028');
      await form.getByLabel(/^Début de l’année/).fill('2027-09-01');
      await form.getByLabel(/^Fin de l’année/).fill('2028-08-31');
      await form.getByLabel(/^Rentrée des classes/).fill('2027-09-02');
      await form.getByLabel(/^Dernier jour de classe/).fill('2028-07-05');
      const period = form.getByRole('group', { name: 'Période de vacances 1' });
      await period.getByLabel(/^Nom des vacances/).fill('Vacances de la Toussaint');
      await period.getByLabel(/^Du/).fill('2027-11-07');
      await period.getByLabel(/^Au/).fill('2027-10-23');
      await form.getByRole('button', { name: 'Enregistrer l’année scolaire' }).click();
      // The API's problem+json names `holidays.0.end`: the message lands on that field.
      await period.getByText('La fin des vacances doit suivre leur début.').waitFor();
      await page
        .getByRole('alert')
        .getByRole('link', { name: /Période de vacances 1 — Au.*La fin des vacances doit suivre leur début/ })
        .waitFor();
      // Material fades the messages in: check once the fade is over.
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
      problems.push(...blockingViolations(await accessibilityViolations(page)).map((line) => `with errors: ${line}`));

      await period.getByLabel(/^Du/).fill('2027-10-23');
      await period.getByLabel(/^Au/).fill('2027-11-07');
      await form.getByRole('button', { name: 'Enregistrer l’année scolaire' }).click();
      await page.getByRole('status').filter({ hasText: 'Année scolaire 2027-2028 enregistrée.' }).waitFor();

      // The calendar shown comes from the API again, with the new year in it.
      await page.getByText('Année 2027-2028 (zone A)').click();
      await page.getByText(/Vacances de la Toussaint : .*23 octobre 2027/).waitFor();
      const calendar = await new ApiClient(world.api.url).json<{ years: { label: string; schoolWeekdays: number[]; holidays: unknown[] }[] }>(
        'GET',
        '/catalogue/calendar',
      );
      const year = calendar.years.find((y) => y.label === '2027-2028');
      expect(year?.schoolWeekdays).toEqual([1, 2, 4, 5]);
      expect(year?.holidays).toEqual([{ label: 'Vacances de la Toussaint', zones: [], start: '2027-10-23', end: '2027-11-07' }]);
      expect(problems).toEqual([]);

      // Correcting it opens the same form filled with what was saved.
      await page.getByRole('button', { name: 'Corriger l’année 2027-2028' }).click();
      const correction = page.getByRole('form', { name: 'Corriger l’année scolaire 2027-2028' });
      expect(await correction.getByLabel(/^Année scolaire/).isDisabled()).toBe(true);
      expect(await correction.getByRole('group', { name: 'Période de vacances 1' }).getByLabel(/^Au/).inputValue()).toBe('2027-11-07');
      await correction.getByRole('button', { name: 'Annuler' }).click();
      await page.getByRole('button', { name: 'Définir une année scolaire' }).waitFor();
    } finally {
      await agent.context.close();
    }
  }, 180_000);

  it.each<ViewportName>(['desktop', 'tablet'])(
    'on a %s, none of these pages has a serious or critical accessibility violation',
    async (name) => {
      const problems: string[] = [];
      const { context, page } = await openPage(world.browser, name);
      const check = async (label: string) => {
        await saveScreenshot(page, `gestion-${name}-${label}`);
        for (const line of blockingViolations(await accessibilityViolations(page))) problems.push(`${label}: ${line}`);
      };
      try {
        // Something in every list: a request from a family, a news item.
        const parentApi = await ApiClient.signedIn(world.api.url, DEMO_PARENT.email, DEMO_PARENT.password);
        await parentApi.json('POST', '/requests', {
          topic: 'qf_proof',
          subject: `Attestation CAF (${name})`,
          body: 'Voici notre attestation de quotient familial.',
        });

        await signIn(page, world.api.url, DEMO_AGENT, /\/gestion/);
        await page.goto(`${world.api.url}/gestion/catalogue`);
        await page.getByRole('button', { name: 'Modifier Restauration scolaire' }).click();
        await page.getByRole('heading', { name: 'Prestation : Restauration scolaire' }).waitFor();
        await page.getByRole('button', { name: 'Voir l’aperçu' }).click();
        await check('catalogue');

        const day = await aChildWaiting();
        await page.goto(`${world.api.url}/gestion/listes-attente`);
        await page.getByRole('heading', { name: 'Ouvertures des vacances' }).waitFor();
        await page.getByRole('combobox', { name: 'Prestation' }).selectOption('ATELIER');
        await page.getByRole('button', { name: `Voir la liste du ${longFrenchDay(day)}` }).click();
        await page.getByRole('button', { name: /^Donner la place à Inès/ }).waitFor();
        await check('listes-attente');

        await page.goto(`${world.api.url}/gestion/actualites`);
        await page.getByRole('textbox', { name: 'Titre' }).fill(`Fermeture exceptionnelle (${name})`);
        await page.getByRole('textbox', { name: 'Texte' }).fill('Le centre de loisirs sera fermé vendredi.');
        await page.getByRole('button', { name: 'Publier' }).click();
        await page.getByRole('status').filter({ hasText: 'Publication enregistrée' }).waitFor();
        await check('actualites');

        await page.goto(`${world.api.url}/gestion/demandes`);
        await page.getByRole('button', { name: `Ouvrir « Attestation CAF (${name}) »` }).click();
        await page.getByRole('heading', { name: 'Appliquer le quotient familial de ce justificatif' }).waitFor();
        await check('demande');

        await page.goto(`${world.api.url}/gestion/courriels`);
        await page.getByRole('heading', { name: 'E-mails envoyés et retenus' }).waitFor();
        await page.getByText('Aucun serveur d’envoi (SMTP)', { exact: false }).waitFor();
        await check('courriels');
      } finally {
        await context.close();
      }
      expect(problems).toEqual([]);
    },
    240_000,
  );
});
