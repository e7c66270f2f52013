import { readFileSync } from 'node:fs';
import type { Page, Request } from 'playwright-core';
import { ApiClient, DEMO_AGENT } from './support/api-client.js';
import { DEMO_AUDITOR, aPastDayToBook, eventually, signInThroughPortal } from './support/back-office.js';
import { openPage, saveScreenshot } from './support/browser.js';
import { aPortalOnAFreshDatabase } from './support/portal-world.js';

interface LoggedEvent {
  type: string;
  data: { childId?: string; status?: string; superseded?: boolean; markedAt?: string; action?: string; reason?: string };
  metadata: { idempotencyKey?: string; actor?: { role?: string } };
}

/**
 * An agent's day, in the portal: find the Martin family by a child's first name, book a day
 * already past for Hugo (overriding the deadline, with a reason), see him in the day's list
 * and meal counts, then take the attendance on a tablet with the network cut, and find each
 * mark recorded once when the network is back.
 */
describe('an agent runs a day in the back office', () => {
  const world = aPortalOnAFreshDatabase({ SEED_DEMO: 'true', LOG_LEVEL: 'warn' });

  it('books a past day for a family, sees it in the day and its meals, and marks attendance offline', async () => {
    const agentApi = await ApiClient.signedIn(world.api.url, DEMO_AGENT.email, DEMO_AGENT.password);
    const [martin] = await agentApi.json<{ familyId: string }[]>('GET', '/families?q=Hugo');
    const file = await agentApi.json<{ children: { childId: string; firstName: string }[] }>('GET', `/families/${martin!.familyId}`);
    const hugo = file.children.find((c) => c.firstName === 'Hugo')!.childId;
    const lea = file.children.find((c) => c.firstName === 'Léa')!.childId;
    const day = await aPastDayToBook(agentApi, martin!.familyId, hugo, 'CANTINE');

    // On a desktop: the family by a child's first name, then its file.
    const desk = await openPage(world.browser, 'desktop');
    try {
      const page = desk.page;
      await signInThroughPortal(page, world.api.url, DEMO_AGENT, /\/gestion$/);
      await page
        .getByRole('navigation', { name: /Navigation de l’espace Gestion/ })
        .getByRole('link', { name: 'Familles' })
        .click();
      await page.getByTestId('family-search').fill('Hugo');
      await page.getByRole('button', { name: 'Rechercher', exact: true }).last().click();
      await page.getByTestId('families-table').getByRole('link', { name: 'Martin' }).click();
      await page.getByTestId('family-heading').filter({ hasText: 'Famille Martin' }).waitFor();
      await page.getByTestId('family-children').getByText('⚠ PAI').waitFor();
      await page.getByTestId('acting-banner').filter({ hasText: 'Vous agissez pour la famille Martin' }).waitFor();

      // Acting for the family: Hugo, the week of that past day, the canteen that day.
      await page.getByTestId('act-child').selectOption({ label: 'Hugo Martin' });
      await page.getByTestId('act-date').fill(day);
      await page.getByTestId('act-date').dispatchEvent('change');
      const cell = page.locator(`[data-cell="CANTINE ${day}"]`);
      await cell.getByText('Délai dépassé').waitFor();
      // The week fits a 1280 px desktop: no day cut on the right.
      expect(
        await page.getByTestId('act-week').evaluate((t: any) => t.getBoundingClientRect().right - t.parentElement.getBoundingClientRect().right),
      ).toBeLessThanOrEqual(0);
      expect(await page.getByTestId('act-week').evaluate((t: any) => t.scrollWidth - t.parentElement.clientWidth)).toBeLessThanOrEqual(0);
      await cell.getByRole('button', { name: /^Réserver/ }).click();
      const panel = page.getByTestId('act-panel');
      await panel.getByText('Le délai de réservation est dépassé').waitFor();
      await panel.getByRole('textbox', { name: /Motif du passage outre le délai/ }).fill('Repas servi, inscription oubliée par la famille');
      // The late surcharge is not billed unless the agent says so (unticked by default).
      expect(await panel.getByRole('checkbox', { name: 'Facturer la majoration hors délai' }).isChecked()).toBe(false);
      await panel.getByRole('button', { name: 'Confirmer' }).click();
      await page.getByTestId('act-notice').filter({ hasText: 'Demande validée.' }).waitFor();
      await cell.getByText('✓ Réservé').waitFor();
      await page.getByTestId('act-history').getByText('Délai dépassé (agent)').waitFor();
      await saveScreenshot(page, 'back-office-family-acting');

      // The agent and the reason are recorded with the reservation.
      const override = await eventually(async () => {
        const log = await auditorLog(world.api.url, `service_day-CANTINE-${day}`);
        return log.find((e) => e.type === 'DeadlineOverridden');
      });
      expect(override.data).toMatchObject({
        childId: hugo,
        action: 'booking',
        reason: 'Repas servi, inscription oubliée par la famille',
        lateSurcharge: false,
      });
      expect(override.metadata.actor?.role).toBe('agent');

      // Léa is booked that day too (by the API): two children to mark.
      await agentApi.json('POST', `/families/${martin!.familyId}/basket/lines`, { lines: [{ childId: lea, serviceCode: 'CANTINE', date: day }] });
      await agentApi.json('POST', `/families/${martin!.familyId}/basket/validation`, { overrideReason: 'Inscription au guichet' });

      // The day: Hugo with his PAI badge, and two meals for his school.
      await showDay(page, world.api.url, day, 2);
      const row = page.getByTestId('day-children').getByRole('row').filter({ hasText: 'Martin Hugo' });
      await row.getByText('⚠ PAI').waitFor();
      const meals = page.getByTestId('meal-counts');
      expect(await page.getByTestId('meal-total').textContent()).toContain('2');
      expect(await meals.textContent()).toMatch(/École/);
      await saveScreenshot(page, 'back-office-day');
      // Above it, every service of the day against its capacity.
      const summary = page.getByTestId('day-summary');
      expect(await summary.getByRole('row').filter({ hasText: 'Restauration scolaire' }).textContent()).toMatch(/Restauration scolaire\s*2\s*sans limite/);
      await summary.getByRole('row').filter({ hasText: 'Accueil périscolaire du soir' }).getByText('80').first().waitFor();
      // The caterer's file: one line per school and diet.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('day-csv').click()]);
      const csv = readFileSync((await download.path())!, 'utf8');
      expect(csv.startsWith('\uFEFFÉcole;Régime;Repas\r\n')).toBe(true);
      expect(csv).toContain('École maternelle Les Tilleuls;Sans porc;1');
      expect(csv).toContain('École élémentaire Jules-Ferry;Standard;1');
    } finally {
      await desk.context.close();
    }

    // On a tablet, in the canteen: the network drops while the agent marks.
    const tablet = await openPage(world.browser, 'tablet');
    try {
      const page = tablet.page;
      const attendancePosts: Request[] = [];
      page.on('request', (r) => r.method() === 'POST' && r.url().includes('/attendance') && attendancePosts.push(r));
      // The first answer is lost on the way back (the server did record the mark): the tablet sends it again, same key.
      let dropped = false;
      await page.route('**/api/v1/service-days/*/*/attendance', async (route) => {
        if (dropped) return route.continue();
        dropped = true;
        await route.fetch();
        await route.abort('connectionreset');
      });

      await signInThroughPortal(page, world.api.url, DEMO_AGENT, /\/gestion$/);
      await page.goto(`${world.api.url}/gestion/presences?date=${day}&service=CANTINE`);
      const sheet = page.getByTestId('attendance-sheet');
      await sheet.locator('li[data-child="Hugo"]').waitFor();
      await sheet.locator('li[data-child="Léa"]').waitFor();

      await tablet.context.setOffline(true);
      await page.getByTestId('attendance-offline').waitFor();
      await sheet.locator('li[data-child="Hugo"]').getByRole('button', { name: 'Présent', exact: true }).tap();
      await sheet.locator('li[data-child="Léa"]').getByRole('button', { name: 'Absent', exact: true }).tap();
      await page.getByTestId('attendance-pending').filter({ hasText: '2 marques en attente d’envoi' }).waitFor();
      await sheet.locator('li[data-child="Hugo"]').getByText('Marqué : Présent (en attente d’envoi)').waitFor();
      expect(attendancePosts).toHaveLength(0);
      await saveScreenshot(page, 'back-office-attendance-offline');

      await tablet.context.setOffline(false);
      await page.getByTestId('attendance-pending').filter({ hasText: 'Toutes les marques sont envoyées.' }).waitFor({ timeout: 30_000 });
      await sheet.locator('li[data-child="Hugo"]').getByText('Marqué : Présent').waitFor();
      await saveScreenshot(page, 'back-office-attendance-sent');
      expect(dropped).toBe(true);
      // Three sendings (Hugo's twice, its answer lost once) for two marks…
      expect(attendancePosts.length).toBeGreaterThanOrEqual(3);
      const keys = attendancePosts.map((r) => r.headers()['idempotency-key']);
      expect(new Set(keys).size).toBe(2);
    } finally {
      await tablet.context.close();
    }

    // …and in the log, each mark once, under its own key.
    const marks = await eventually(async () => {
      const log = (await auditorLog(world.api.url, `service_day-CANTINE-${day}`)).filter((e) => e.type === 'AttendanceRecorded');
      return log.length >= 2 ? log : undefined;
    });
    expect(marks.map((e) => [e.data.childId, e.data.status])).toEqual(
      expect.arrayContaining([
        [hugo, 'present'],
        [lea, 'absent'],
      ]),
    );
    expect(marks).toHaveLength(2);
    expect(new Set(marks.map((e) => e.metadata.idempotencyKey)).size).toBe(2);

    // A second tablet, offline earlier, sends an older mark for Hugo: it is in the log, the later one stands.
    const older = new Date(Date.parse(marks.find((e) => e.data.childId === hugo)!.data.markedAt!) - 60_000).toISOString();
    const second = await agentApi.send('POST', `/service-days/CANTINE/${day}/attendance`, { childId: hugo, status: 'absent', markedAt: older });
    expect(second.status).toBe(204);
    const log = (await auditorLog(world.api.url, `service_day-CANTINE-${day}`)).filter((e) => e.type === 'AttendanceRecorded');
    expect(log).toHaveLength(3);
    expect(log.at(-1)!.data).toMatchObject({ childId: hugo, status: 'absent', superseded: true });
    const sheet = await eventually(async () => {
      const list = await agentApi.json<{ children: { childId: string; attendance: string | null }[] }>('GET', `/service-days/CANTINE/${day}/children`);
      return list.children.every((c) => c.attendance) ? list : undefined;
    });
    expect(sheet.children.find((c) => c.childId === hugo)!.attendance).toBe('present');
    expect(sheet.children.find((c) => c.childId === lea)!.attendance).toBe('absent');
  }, 180_000);
});

async function auditorLog(baseUrl: string, stream: string): Promise<LoggedEvent[]> {
  const auditor = await ApiClient.signedIn(baseUrl, DEMO_AUDITOR.email, DEMO_AUDITOR.password);
  const page = await auditor.json<{ events: LoggedEvent[] }>('GET', `/audit/streams/${encodeURIComponent(stream)}/events?limit=500`);
  return page.events;
}

/** The day's page for the canteen, shown again until the read model has the `children` expected. */
async function showDay(page: Page, baseUrl: string, day: string, children: number): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    await page.goto(`${baseUrl}/gestion/journee?date=${day}&service=CANTINE`);
    await page.getByTestId('day-occupancy').waitFor();
    const total = Number(
      (
        await page
          .getByTestId('meal-total')
          .textContent()
          .catch(() => '0')
      )?.trim() || '0',
    );
    if (total >= children || attempt >= 10) return;
    await page.waitForTimeout(300);
  }
}
