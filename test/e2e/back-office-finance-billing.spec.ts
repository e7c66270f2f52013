import { readFileSync } from 'node:fs';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { ApiClient, DEMO_AGENT, DEMO_FINANCE, DEMO_PARENT, previousMonth } from './support/api-client.js';
import { startApi, type RunningApi } from './support/api-process.js';
import { DEMO_AUDITOR, signInThroughPortal } from './support/back-office.js';
import { accessibilityViolations, blockingViolations, launchBrowser, openPage, saveScreenshot } from './support/browser.js';

/**
 * The finance office in Chromium: a month previewed then billed, the dashboard, the
 * reconciliation at today's date (no difference, then one made on purpose in the database),
 * the collection summary's CSV; the auditor reads without buttons, a parent is refused.
 */
let database: TestDatabase;
let api: RunningApi;
let browser: Browser;
let sql: pg.Client;
const month = previousMonth();
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());

beforeAll(async () => {
  database = await createTestDatabase();
  sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
  api = await startApi({ databaseUrl: database.url, env: { SEED_DEMO: 'true', LOG_LEVEL: 'warn' }, readyTimeoutMs: 75_000 });
  browser = await launchBrowser();
  // An agent catches up last month's Mondays and Tuesdays at the canteen for the Martins (late, with a reason).
  const agent = await ApiClient.signedIn(api.url, DEMO_AGENT.email, DEMO_AGENT.password);
  const [martin] = await agent.json<{ familyId: string }[]>('GET', '/families?q=Martin');
  const file = await agent.json<{ children: { childId: string }[] }>('GET', `/families/${martin!.familyId}`);
  const added = await agent.json<{ added: unknown[] }>('POST', `/families/${martin!.familyId}/basket/agenda`, {
    childId: file.children[0]!.childId,
    serviceCode: 'CANTINE',
    from: month.from,
    to: month.to,
    weekdays: [1, 2],
  });
  expect(added.added.length).toBeGreaterThan(0);
  await agent.json('POST', `/families/${martin!.familyId}/basket/validation`, { overrideReason: 'Inscription tardive au guichet' });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await api?.stop();
  await sql?.end();
  await database?.drop();
}, 30_000);

async function expectAccessible(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await saveScreenshot(page, `finance-${name}`);
  expect({ name, violations: blockingViolations(await accessibilityViolations(page)) }).toEqual({ name, violations: [] });
}

describe('the finance office bills, checks and reports a month', () => {
  it('previews then runs last month, sees nothing new on a re-run, reconciles with no difference and downloads the collection summary', async () => {
    const { context, page, errors } = await openPage(browser, 'desktop');
    try {
      await signInThroughPortal(page, api.url, DEMO_FINANCE, /\/finances$/);
      // The dashboard: five charts, each an image with a text alternative, its numbers in a table, a CSV.
      await page.getByTestId('finance-dashboard').waitFor();
      expect(await page.locator('ard-chart-canvas canvas[role="img"]').count()).toBe(5);
      for (const label of await page.locator('ard-chart-canvas canvas').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))) {
        expect(label.length).toBeGreaterThan(30);
      }
      await page.getByTestId('chart-payments-by-channel').getByText('Les chiffres (tableau)').click();
      await page.getByTestId('chart-payments-by-channel').getByRole('rowheader', { name: 'Carte (PayFIP)' }).waitFor();
      await expectAccessible(page, 'tableau-de-bord');

      await page.getByRole('link', { name: 'Facturation', exact: true }).first().click();
      await page.waitForURL(/\/finances\/facturation$/);
      expect(await page.getByTestId('billing-period').inputValue()).toBe(month.period);
      await page.getByTestId('billing-preview').click();
      const preview = page.getByTestId('billing-preview-result');
      await preview.waitFor();
      const invoices = Number(await page.getByTestId('preview-invoices').textContent());
      expect(invoices).toBeGreaterThanOrEqual(1);
      const total = (await page.getByTestId('preview-total').textContent())!.trim();
      await expectAccessible(page, 'facturation-simulation');

      page.once('dialog', (dialog) => void dialog.accept());
      await page.getByTestId('billing-run').click();
      await page.getByTestId('billing-run-status').getByText('Terminée').waitFor({ timeout: 30_000 });
      expect(Number(await page.getByTestId('run-issued').textContent())).toBe(invoices);
      expect((await page.getByTestId('run-amount').textContent())!.trim()).toBe(total);
      await expectAccessible(page, 'facturation-compte-rendu');
      // Again: nothing new is issued.
      page.once('dialog', (dialog) => void dialog.accept());
      await page.getByTestId('billing-run').click();
      await page.getByTestId('billing-nothing-new').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('run-issued').textContent()).toBe('0');
      expect(await page.getByTestId('billing-runs').locator('tbody tr').count()).toBe(2);

      // A cheque at the desk today (the payments page is another screen): the collection summary lists it.
      const finance = await ApiClient.signedIn(api.url, DEMO_FINANCE.email, DEMO_FINANCE.password);
      const { invoices: issued } = await finance.json<{ invoices: { invoiceId: string }[] }>('GET', `/finance/invoices?period=${month.period}`);
      await finance.json('POST', `/invoices/${issued[0]!.invoiceId}/payments`, {
        means: 'cheque',
        amountCents: 500,
        paidOn: today,
        reference: 'Chèque 1234567',
      });

      expect((await finance.json<{ differences: unknown[] }>('GET', `/finance/reconciliation?asOf=${today}`)).differences).toEqual([]);
      await page.getByRole('link', { name: 'Rapprochement', exact: true }).first().click();
      await page.waitForURL(/\/finances\/rapprochement$/);
      await page.getByTestId('reconciliation-verdict').getByText('Aucun écart').waitFor();
      expect(await page.getByTestId('reconciliation-date').inputValue()).toBe(today);
      await page.getByTestId('collection-summary').getByRole('rowheader', { name: 'Chèque' }).waitFor();
      await expectAccessible(page, 'rapprochement');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('summary-csv').click()]);
      const csv = readFileSync((await download.path())!, 'utf8');
      expect(csv.startsWith('\uFEFFDate;Moyen;Nombre;Montant (€)\r\n')).toBe(true);
      const [d, m, y] = [today.slice(8, 10), today.slice(5, 7), today.slice(0, 4)];
      expect(csv).toContain(`${d}/${m}/${y};Chèque;1;5,00\r\n`);

      // A read-model row edited on purpose: the page lists the difference and the event behind it.
      const { rows } = await sql.query<{ event_id: string; amount_cents: number }>(
        `SELECT event_id, amount_cents FROM invoicing_ledger WHERE kind = 'paid' LIMIT 1`,
      );
      await sql.query('UPDATE invoicing_ledger SET amount_cents = amount_cents + 100 WHERE event_id = $1', [rows[0]!.event_id]);
      await page.getByTestId('reconciliation-check').click();
      await page.getByTestId('reconciliation-verdict').getByText('écart(s)').waitFor();
      const explanations = page.getByTestId('reconciliation-explanations');
      await explanations.getByText(rows[0]!.event_id).waitFor();
      expect(await explanations.textContent()).toContain('Montant différent dans les tables de lecture');
      expect(await explanations.textContent()).toContain('PaymentRecorded');
      await expectAccessible(page, 'rapprochement-ecart');
      expect(errors.filter((e) => !/HTTP 4\d\d/.test(e))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);

  it('lets the auditor read the finance pages without any action button, and refuses a parent', async () => {
    const auditor = await openPage(browser, 'desktop');
    try {
      await signInThroughPortal(auditor.page, api.url, DEMO_AUDITOR, /\/audit$/);
      await auditor.page.goto(`${api.url}/finances/facturation`);
      await auditor.page.getByTestId('billing-preview').waitFor();
      await auditor.page.getByText('Lecture seule : la simulation est possible, pas la facturation.').waitFor();
      expect(await auditor.page.getByTestId('billing-run').count()).toBe(0);
      await expectAccessible(auditor.page, 'facturation-auditeur');
      await auditor.page.goto(`${api.url}/finances/rapprochement`);
      await auditor.page.getByTestId('reconciliation-verdict').waitFor();
      await auditor.page.goto(`${api.url}/finances`);
      await auditor.page.getByTestId('finance-dashboard').waitFor();
    } finally {
      await auditor.context.close();
    }
    const parent = await openPage(browser, 'desktop');
    try {
      await signInThroughPortal(parent.page, api.url, DEMO_PARENT, /\/reservations$/);
      for (const path of ['/finances', '/finances/facturation', '/finances/rapprochement']) {
        await parent.page.goto(`${api.url}${path}`);
        await parent.page.waitForURL(/\/acces-refuse/);
      }
    } finally {
      await parent.context.close();
    }
  }, 120_000);
});
