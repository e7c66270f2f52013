import pg from 'pg';
import type { Page } from 'playwright-core';
import { ApiClient, DEMO_AGENT } from './support/api-client.js';
import { DEMO_ADMIN, DEMO_AUDITOR, aPastDayToBook, eventually, signInThroughPortal } from './support/back-office.js';
import { accessibilityViolations, blockingViolations, openPage, saveScreenshot } from './support/browser.js';
import { aPortalOnAFreshDatabase } from './support/portal-world.js';

/** Buttons an auditor may see on the audit pages: each reads or verifies, none changes anything. */
const READ_ONLY_BUTTONS = /^(Filtrer|Réinitialiser les filtres|Chaîne de causalité|Fermer|Afficher|Vérifier la chaîne|Vérifier les modèles de lecture)$/;

/** The buttons of the page's content (not the shell's, not the log's rows) that are not known to be read-only. */
async function writeButtons(page: Page): Promise<string[]> {
  const names = await page
    .locator('.bo-content button:not(.row)')
    .evaluateAll((buttons) => buttons.map((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim()));
  return names.filter((name) => !READ_ONLY_BUTTONS.test(name));
}

async function axe(page: Page, name: string, problems: string[]): Promise<void> {
  await page.waitForLoadState('networkidle');
  await saveScreenshot(page, `audit-${name}`);
  for (const line of blockingViolations(await accessibilityViolations(page))) problems.push(`${name}: ${line}`);
  for (const button of await writeButtons(page)) problems.push(`${name}: a button that may write: « ${button} »`);
}

/** A datetime-local value in the page's own time zone. */
const localInput = (page: Page, iso: string) =>
  page.evaluate(`(() => { const d = new Date(${JSON.stringify(iso)}); const p = (n) => String(n).padStart(2, '0');
    return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()) + 'T' + p(d.getHours()) + ':' + p(d.getMinutes()) + ':' + p(d.getSeconds()); })()`) as Promise<string>;

describe('an auditor replays the log in the back office', () => {
  const world = aPortalOnAFreshDatabase({ SEED_DEMO: 'true', LOG_LEVEL: 'warn', AUDIT_ANCHOR_INTERVAL: '50' });

  it('finds a reservation by its child and day, opens its causation chain, compares a family’s state with a past date, verifies the chain, and changes nothing', async () => {
    const agentApi = await ApiClient.signedIn(world.api.url, DEMO_AGENT.email, DEMO_AGENT.password);
    const [martin] = await agentApi.json<{ familyId: string }[]>('GET', '/families?q=Léa');
    const familyId = martin!.familyId;
    const file = await agentApi.json<{ children: { childId: string; firstName: string }[] }>('GET', `/families/${familyId}`);
    const lea = file.children.find((c) => c.firstName === 'Léa')!.childId;
    const day = await aPastDayToBook(agentApi, familyId, lea, 'CANTINE');
    await agentApi.json('POST', `/families/${familyId}/basket/lines`, { lines: [{ childId: lea, serviceCode: 'CANTINE', date: day }] });
    await agentApi.json('POST', `/families/${familyId}/basket/validation`, { overrideReason: 'Inscription au guichet' });

    // A past instant, then a change to the family's file: its SEPA mandate signed or revoked.
    const auditorApi = await ApiClient.signedIn(world.api.url, DEMO_AUDITOR.email, DEMO_AUDITOR.password);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const past = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const before = await auditorApi.json<{ state: { mandateSigned: boolean } }>('GET', `/audit/streams/family-${familyId}/state`);
    const mandate = before.state.mandateSigned
      ? await agentApi.send('POST', `/families/${familyId}/direct-debit-mandate/revocation`, {})
      : await agentApi.send('PUT', `/families/${familyId}/direct-debit-mandate`, {
          mandateReference: 'RUM-AUDIT-0001',
          signedOn: past.slice(0, 10),
          iban: 'FR7630006000011234567890189',
        });
    expect(mandate.status).toBe(204);

    const problems: string[] = [];
    const { context, page } = await openPage(world.browser, 'desktop');
    try {
      await signInThroughPortal(page, world.api.url, DEMO_AUDITOR, /\/audit$/);
      await axe(page, 'home', problems);
      const menu = page.getByRole('navigation', { name: /Navigation de l’espace Audit/ });

      // The events of Léa's reservation that day: what her data mention.
      await menu.getByRole('link', { name: 'Journal des événements' }).click();
      await page.getByTestId('event-viewport').waitFor();
      await page.getByRole('textbox', { name: /^Mentionne/ }).fill(`${lea},${day}`);
      await page.getByRole('button', { name: 'Filtrer' }).click();
      await page.waitForURL(/mentionne=/);
      const validated = page.getByRole('button', { name: new RegExp(`ReservationValidated\\s*service.day-CANTINE-${day}`) });
      await validated.waitFor();
      await page.getByRole('button', { name: /ReservationRequested\s*basket-/ }).waitFor();
      await validated.click();
      const detail = page.getByTestId('event-detail');
      await detail.getByRole('heading', { name: 'Événement ReservationValidated' }).waitFor();
      expect(await detail.getByTestId('event-hash').textContent()).toMatch(/^[0-9a-f]{64}$/);
      expect(await detail.getByTestId('event-data').textContent()).toContain(lea);

      // Its causation chain: the basket's validation and what it produced.
      await detail.getByRole('button', { name: 'Chaîne de causalité' }).click();
      const chain = detail.getByTestId('causation-chain');
      await chain.getByRole('link', { name: 'BasketValidated' }).waitFor();
      expect(await chain.getByRole('link', { name: 'ReservationValidated' }).count()).toBeGreaterThanOrEqual(1);
      await axe(page, 'evenements', problems);

      // The deep link opens the same event.
      const eventId = new URL(page.url()).searchParams.get('evenement')!;
      await page.goto(`${world.api.url}/audit/evenements?evenement=${eventId}`);
      await page.getByTestId('event-detail').getByRole('heading', { name: 'Événement ReservationValidated' }).waitFor();

      // The family's state as of the past instant, then the difference with now.
      await menu.getByRole('link', { name: 'État à une date' }).click();
      // The form's first values are written by ngModel a moment after the fields appear: fill after that, not before.
      const instantField = page.getByLabel('Instant', { exact: true });
      await instantField.waitFor();
      await page.waitForFunction((field) => (field as HTMLInputElement).value !== '', await instantField.elementHandle());
      await page.getByRole('textbox', { name: /^Flux/ }).fill(`family-${familyId}`);
      await page.getByLabel('Instant', { exact: true }).fill(await localInput(page, past));
      await page.getByRole('button', { name: 'Afficher' }).click();
      await page
        .getByTestId('state-aggregate')
        .filter({ hasText: `Famille — family-${familyId}` })
        .waitFor({ timeout: 60_000 })
        .catch(async (error: Error) => {
          throw new Error(`${error.message}\nat ${page.url()} the page says: ${await page.locator('.bo-content').innerText()}`);
        });
      await page.getByTestId('state-at').waitFor();
      await page.getByLabel(/^Comparer avec/).fill(await localInput(page, new Date(Date.now() + 60_000).toISOString()));
      await page.getByRole('button', { name: 'Afficher' }).click();
      const diff = page.getByTestId('state-diff');
      const changed = diff.locator('tr[data-kind="changed"]').filter({ hasText: 'mandateSigned' });
      await changed.waitFor();
      expect(await changed.textContent()).toContain('≠ Modifié');
      await diff.getByRole('link', { name: /^DirectDebitMandate(Signed|Revoked)$/ }).waitFor();
      await axe(page, 'etat', problems);

      // The chain verification, to « intacte », with its signed report.
      await menu.getByRole('link', { name: 'Vérification' }).click();
      await page.getByRole('button', { name: 'Vérifier la chaîne' }).click();
      await page
        .getByTestId('verdict')
        .filter({ hasText: '✓ Chaîne intacte' })
        .waitFor({ timeout: 90_000 })
        .catch(async (error: Error) => {
          await saveScreenshot(page, 'audit-verification-failed');
          throw new Error(`${error.message}\npage says: ${await page.locator('.bo-content').innerText()}`);
        });
      const report = await page.getByTestId('report-link').getAttribute('href');
      const signed = await auditorApi.json<{ report: { verification: { verdict: string } }; signature: { algorithm: string } }>(
        'GET',
        report!.replace(/^\/api\/v1/, ''),
      );
      expect(signed).toMatchObject({ report: { verification: { verdict: 'intact' } }, signature: { algorithm: 'Ed25519' } });
      await axe(page, 'verification', problems);

      // The API refuses the auditor's writes.
      expect((await auditorApi.send('POST', '/audit/rebuilds', { all: true })).status).toBe(403);
      expect((await auditorApi.send('POST', `/families/${familyId}/direct-debit-mandate/revocation`, {})).status).toBe(403);
    } finally {
      await context.close();
    }
    expect(problems).toEqual([]);
  }, 240_000);

  it('shows the events of an erased family as erased', async () => {
    const agentApi = await ApiClient.signedIn(world.api.url, DEMO_AGENT.email, DEMO_AGENT.password);
    const [bernard] = await agentApi.json<{ familyId: string }[]>('GET', '/families?q=Bernard');
    const auditorApi = await ApiClient.signedIn(world.api.url, DEMO_AUDITOR.email, DEMO_AUDITOR.password);
    const { events } = await auditorApi.json<{ events: { id: string }[] }>('GET', `/audit/events?stream=family-${bernard!.familyId}&type=GuardianAdded`);
    const admin = await ApiClient.signedIn(world.api.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
    expect((await admin.send('DELETE', `/admin/families/${bernard!.familyId}`)).status).toBe(204);

    const { context, page } = await openPage(world.browser, 'desktop');
    try {
      await signInThroughPortal(page, world.api.url, DEMO_AUDITOR, /\/audit$/);
      await page.goto(`${world.api.url}/audit/evenements?evenement=${events[0]!.id}`);
      await page.getByTestId('erased-badge').filter({ hasText: 'Données personnelles effacées (RGPD)' }).waitFor();
      expect(await page.getByTestId('event-data').textContent()).toContain('[donnée personnelle effacée (RGPD)]');
    } finally {
      await context.close();
    }
  }, 120_000);
});

const LOG_SIZE = 200_000;

/**
 * 200,000 events written straight into the events table, each the first of its own stream
 * with its hash computed by PostgreSQL exactly as event-hash.ts does (sha256 of '' + '\n' +
 * the canonical JSON), so that the log stays verifiable.
 */
async function seedALargeLog(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const started = Date.now();
  try {
    await client.query(`
      INSERT INTO events (stream_id, revision, event_id, type, data, metadata, hash, previous_hash)
      SELECT stream_id, 0, event_id, 'LoadProbe', jsonb_build_object('n', n), metadata::jsonb,
             encode(sha256(convert_to(E'\\n' || '{"data":{"n":' || n || '},"metadata":' || metadata || ',"revision":"0","streamId":"' || stream_id || '","type":"LoadProbe"}', 'UTF8')), 'hex'),
             ''
      FROM (
        SELECT n, 'loadprobe-' || n AS stream_id, md5('event' || n)::uuid AS event_id,
               '{"actor":{"role":"system","userId":"load"},"causationId":"' || md5('corr' || n)::uuid || '","correlationId":"' || md5('corr' || n)::uuid
                 || '","occurredAt":"2026-09-01T00:00:00.000Z","schemaVersion":1}' AS metadata
        FROM generate_series(1, ${LOG_SIZE}) AS n
      ) seeded`);
  } finally {
    await client.end();
  }
  return Date.now() - started;
}

describe('the event browser over a large log', () => {
  const world = aPortalOnAFreshDatabase({ SEED_DEMO: 'true', LOG_LEVEL: 'warn' });

  it('opens a log of 200,000 events with its first screen at once and loads the rest page by page as the auditor scrolls', async () => {
    const seedMs = await seedALargeLog(world.databaseUrl);
    const auditorApi = await ApiClient.signedIn(world.api.url, DEMO_AUDITOR.email, DEMO_AUDITOR.password);
    // The seeded events are in the log, and their hashes are the store's own.
    const [probe] = (await auditorApi.json<{ events: { streamId: string }[] }>('GET', '/audit/events?category=loadprobe&limit=1')).events;
    expect(probe!.streamId).toMatch(/^loadprobe-\d+$/);

    const { context, page } = await openPage(world.browser, 'desktop');
    const pages: URL[] = [];
    const statuses: number[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname === '/api/v1/audit/events') pages.push(url);
    });
    page.on('response', (r) => {
      if (new URL(r.url()).pathname === '/api/v1/audit/events') statuses.push(r.status());
    });
    try {
      await signInThroughPortal(page, world.api.url, DEMO_AUDITOR, /\/audit$/);
      const menu = page.getByRole('navigation', { name: /Navigation de l’espace Audit/ });
      await page.waitForLoadState('networkidle');
      pages.length = 0;
      statuses.length = 0;
      const started = Date.now();
      await menu.getByRole('link', { name: 'Journal des événements' }).click();
      await page.locator('button.row[data-event-id]').nth(10).waitFor();
      const firstScreenMs = Date.now() - started;
      const fetchMs = Number(await page.getByTestId('first-screen-ms').getAttribute('data-ms'));
      console.log(
        `[audit] log of ${LOG_SIZE.toLocaleString('en')} events seeded in ${seedMs} ms; event browser's first screen in ${firstScreenMs} ms (click to rows shown; first page fetched in ${fetchMs} ms; answers ${statuses.join(',')})`,
      );
      expect(firstScreenMs).toBeLessThan(8_000); // the target is 1 s; generous on 2 cores shared with other work

      // Scrolling loads the next pages by position, never the whole log.
      const viewport = page.getByTestId('event-viewport');
      for (let i = 0; i < 12; i++) {
        await viewport.evaluate((el) => el.scrollBy(0, 4000));
        await page.waitForTimeout(150);
      }
      await eventually(async () => (pages.length >= 3 ? true : undefined), 20_000);
      await page.waitForLoadState('networkidle');
      const loaded = Number(await page.getByTestId('log-status').getAttribute('data-loaded'));
      expect(pages.every((url) => Number(url.searchParams.get('limit')) <= 300)).toBe(true);
      // Only the first page is asked without a cursor (the audit home's latest events, limit 20, may still be on their way).
      const firstPages = pages.filter((url) => !url.searchParams.get('after') && url.searchParams.get('limit') === '100');
      expect(firstPages).toHaveLength(1);
      expect(pages.filter((url) => url.searchParams.get('after')).length).toBeGreaterThanOrEqual(2);
      expect(loaded).toBeGreaterThan(400);
      expect(loaded).toBeLessThan(LOG_SIZE / 10);
      // Rows are drawn for what is on screen only.
      expect(await page.locator('button.row[data-event-id]').count()).toBeLessThan(150);
      await saveScreenshot(page, 'audit-large-log');
    } finally {
      await context.close();
    }
  }, 240_000);
});
