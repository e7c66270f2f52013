import type { Page } from 'playwright-core';
import { ApiClient, DEMO_AGENT, DEMO_FINANCE, DEMO_PARENT, billLastMonth, previousMonth } from './support/api-client.js';
import { DEMO_AUDITOR, eventually, signInThroughPortal } from './support/back-office.js';
import { accessibilityViolations, blockingViolations, openPage, saveScreenshot } from './support/browser.js';
import { aPortalOnAFreshDatabase } from './support/portal-world.js';

interface Invoice {
  invoiceId: string;
  number: string;
  familyId: string;
  totalCents: number;
  creditedCents: number;
  paidCents: number;
  outstandingCents: number;
  lines: { childId: string; dates: string[] }[];
}
interface LoggedEvent {
  id: string;
  type: string;
  data: { reservationId?: string; childId?: string; familyId?: string; date?: string };
}

/** « 12,34 € » as the portal writes euros (fr-FR, narrow no-break spaces). */
const euros = (cents: number) => new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(cents / 100);

/**
 * Finance staff at work on invoices: the list, one invoice, « Pourquoi ce montant ? » down to
 * the reservation event that made a line, a credit note, a cheque at the desk; the auditor
 * reads the same pages without a button, a parent is refused. axe-core on every page.
 */
describe('finance staff work invoices and payments in /finances', () => {
  const world = aPortalOnAFreshDatabase({ SEED_DEMO: 'true', LOG_LEVEL: 'warn' });
  let finance: ApiClient;
  let auditor: ApiClient;
  let invoice: Invoice;
  const problems: string[] = [];

  const checkAccessibility = async (page: Page, name: string) => {
    await page.waitForLoadState('networkidle');
    await saveScreenshot(page, `finance-invoices-${name}`);
    for (const line of blockingViolations(await accessibilityViolations(page))) problems.push(`${name}: ${line}`);
  };
  const invoiceNow = () => finance.json<Invoice>('GET', `/invoices/${invoice.invoiceId}`);

  beforeAll(async () => {
    const agent = await ApiClient.signedIn(world.api.url, DEMO_AGENT.email, DEMO_AGENT.password);
    const [martin] = await agent.json<{ familyId: string }[]>('GET', '/families?q=Hugo');
    await billLastMonth(world.api.url, martin!.familyId);
    finance = await ApiClient.signedIn(world.api.url, DEMO_FINANCE.email, DEMO_FINANCE.password);
    auditor = await ApiClient.signedIn(world.api.url, DEMO_AUDITOR.email, DEMO_AUDITOR.password);
    const { invoices } = await finance.json<{ invoices: Invoice[] }>('GET', `/finance/invoices?period=${previousMonth().period}&familyId=${martin!.familyId}`);
    invoice = await finance.json<Invoice>('GET', `/invoices/${invoices[0]!.invoiceId}`);
  }, 120_000);

  it('finance follows « Pourquoi ce montant ? » to the reservation event, issues a credit note and takes a cheque at the desk', async () => {
    const { context, page, errors } = await openPage(world.browser, 'desktop');
    try {
      await signInThroughPortal(page, world.api.url, DEMO_FINANCE, /\/finances$/);
      await page
        .getByRole('navigation', { name: /Navigation de l’espace Finances/ })
        .getByRole('link', { name: 'Factures' })
        .click();
      await page.getByTestId('filter-family').fill('Martin');
      await page.getByRole('button', { name: 'Afficher' }).click();
      await page.waitForURL(/famille=Martin/);
      const link = page.getByTestId('invoices-table').getByRole('link', { name: invoice.number });
      await link.waitFor();
      await checkAccessibility(page, 'list');
      await link.click();

      // The invoice, then « Pourquoi ce montant ? »
      await page.getByRole('heading', { name: `Facture ${invoice.number}` }).waitFor();
      await page.getByTestId('invoice-lines').waitFor();
      await checkAccessibility(page, 'invoice');
      await page.getByTestId('invoice-why').click();
      await page.getByRole('heading', { name: `Pourquoi ce montant ? Facture ${invoice.number}` }).waitFor();
      const line = invoice.lines[0]!;
      const day = line.dates[0]!;
      const dayTable = page.getByTestId(`why-day-1-${day}`);
      await dayTable.getByText('★ Fonde la ligne').first().waitFor();
      await dayTable.getByRole('link', { name: /^Ouvrir l’événement ReservationValidated/ }).click();
      const panel = page.getByTestId('event-panel');
      await panel.waitFor();
      expect(await panel.getByTestId('event-type').textContent()).toBe('ReservationValidated');
      expect(await panel.getByTestId('event-stream').textContent()).toBe(`service_day-CANTINE-${day}`);
      const eventId = (await panel.getByTestId('event-id').textContent())!.trim();
      expect(page.url()).toContain(`evenement=${eventId}`);
      // It is the reservation that was billed: that day's validation for that child, as the log holds it.
      const logged = await auditor.json<{ events: LoggedEvent[] }>('GET', `/audit/streams/service_day-CANTINE-${day}/events?limit=500`);
      const event = logged.events.find((e) => e.id === eventId)!;
      expect(event).toMatchObject({ type: 'ReservationValidated', data: { childId: line.childId, familyId: invoice.familyId, date: day } });
      await panel.getByTestId('event-data').getByText(event.data.reservationId!).waitFor();
      expect(await panel.getByTestId('event-audit-link').count()).toBe(0); // the audit journal is the auditor's
      await checkAccessibility(page, 'why');

      // A credit note of 1,00 €.
      await page.getByRole('link', { name: 'Retour à la facture' }).click();
      const credit = page.getByTestId('credit-note-form');
      await credit.getByRole('textbox', { name: 'Montant (€)' }).fill('1,00');
      await credit.getByRole('textbox', { name: 'Motif' }).fill('Repas non servi (grève)');
      await credit.getByRole('button', { name: 'Émettre l’avoir' }).click();
      await page
        .getByTestId('invoice-actions')
        .getByText(/^Avoir AV-\d{4}-\d{6} émis\./)
        .waitFor();
      await page.getByTestId('invoice-credit-notes').getByText('Repas non servi (grève)').waitFor();
      const credited = await eventually(async () => {
        const current = await invoiceNow();
        return current.creditedCents === 100 ? current : undefined;
      });
      expect(credited.outstandingCents).toBe(invoice.totalCents - 100);

      // A cheque at the desk, by the invoice's number, on the payments page.
      await page
        .getByRole('navigation', { name: /Navigation de l’espace Finances/ })
        .getByRole('link', { name: 'Paiements' })
        .click();
      await page.getByTestId('desk-number').fill(invoice.number);
      await page.getByTestId('desk').getByRole('button', { name: 'Chercher' }).click();
      await page.getByTestId('desk-invoice').getByText(euros(credited.outstandingCents)).waitFor();
      await page.getByRole('combobox', { name: 'Moyen de paiement' }).selectOption('cheque');
      await page.getByRole('textbox', { name: 'Montant (€)' }).fill('2,00');
      await page.getByRole('textbox', { name: 'Référence (n° de chèque…)' }).fill('Chèque n° 7654321');
      await page.getByRole('button', { name: 'Enregistrer le paiement' }).click();
      const balance = euros(credited.outstandingCents - 200);
      await page.getByText(`Paiement enregistré. Reste à payer : ${balance}.`).waitFor();
      await page.getByTestId('payments-table').getByText('Chèque n° 7654321').waitFor();
      await checkAccessibility(page, 'payments');
      const paid = await invoiceNow();
      expect({ paid: paid.paidCents, outstanding: paid.outstandingCents }).toEqual({ paid: 200, outstanding: invoice.totalCents - 300 });
      // The invoice's page says the same.
      await page.getByTestId('payments-table').getByRole('link', { name: invoice.number }).first().click();
      expect((await page.getByTestId('invoice-outstanding').textContent())!.trim()).toBe(balance);
      await page.getByTestId('invoice-payments').getByText('Chèque n° 7654321').waitFor();
    } finally {
      await context.close();
    }
    expect(errors.filter((e) => !/HTTP 4\d\d/.test(e))).toEqual([]);
    expect(problems).toEqual([]);
  }, 180_000);

  it('the auditor reads the same pages without a single action, reaches the audit journal, and the API refuses writes', async () => {
    const { context, page } = await openPage(world.browser, 'desktop');
    try {
      await signInThroughPortal(page, world.api.url, DEMO_AUDITOR, /\/audit$/);
      await page.goto(`${world.api.url}/finances/factures/${invoice.invoiceId}`);
      await page.getByTestId('invoice-lines').waitFor();
      await page.getByText('Lecture seule : vous pouvez consulter, pas modifier.').waitFor();
      expect(await page.getByTestId('invoice-actions').count()).toBe(0);
      expect(await page.locator('.bo-content button').count()).toBe(0);
      await checkAccessibility(page, 'invoice-auditor');

      await page.getByTestId('invoice-why').click();
      await page
        .getByTestId(`why-day-1-${invoice.lines[0]!.dates[0]}`)
        .getByRole('link', { name: /^Ouvrir l’événement ReservationValidated/ })
        .click();
      const auditLink = page.getByTestId('event-audit-link');
      const eventId = (await page.getByTestId('event-id').textContent())!.trim();
      expect(await auditLink.getAttribute('href')).toBe(`/audit/evenements?evenement=${eventId}`);

      await page.goto(`${world.api.url}/finances/factures`);
      await page.getByTestId('invoices-table').getByRole('link', { name: invoice.number }).waitFor();
      expect(await page.getByRole('button', { name: /Transmettre/ }).count()).toBe(0);
      await page.goto(`${world.api.url}/finances/paiements`);
      await page.getByTestId('payments-table').waitFor();
      await page.getByTestId('payfip-last-repair').waitFor();
      expect(await page.getByTestId('desk').count()).toBe(0);
      expect(await page.getByRole('button', { name: /Relancer|Générer|Enregistrer/ }).count()).toBe(0);
      await checkAccessibility(page, 'payments-auditor');
    } finally {
      await context.close();
    }
    expect(problems).toEqual([]);
    for (const [path, body] of [
      [`/invoices/${invoice.invoiceId}/credit-notes`, { amountCents: 100, reason: 'Essai de l’auditeur' }],
      [`/invoices/${invoice.invoiceId}/payments`, { means: 'cheque', amountCents: 100 }],
      [`/invoices/${invoice.invoiceId}/collection`, {}],
      ['/finance/payfip/repair', {}],
      ['/finance/direct-debits', {}],
    ] as const) {
      expect({ path, status: (await auditor.send('POST', path, body)).status }).toEqual({ path, status: 403 });
    }
  }, 120_000);

  it('a parent is refused the finance pages and their API', async () => {
    const { context, page } = await openPage(world.browser, 'desktop');
    try {
      await signInThroughPortal(page, world.api.url, DEMO_PARENT, /\/reservations$/);
      for (const route of ['/finances/factures', `/finances/factures/${invoice.invoiceId}/pourquoi`, '/finances/paiements']) {
        await page.goto(`${world.api.url}${route}`);
        await page.waitForURL(/\/acces-refuse/);
      }
    } finally {
      await context.close();
    }
    const parent = await ApiClient.signedIn(world.api.url, DEMO_PARENT.email, DEMO_PARENT.password);
    expect((await parent.send('GET', `/finance/invoices/${invoice.invoiceId}/explanation`)).status).toBe(403);
    expect((await parent.send('GET', '/finance/invoices')).status).toBe(403);
    expect((await parent.send('POST', `/invoices/${invoice.invoiceId}/payments`, { means: 'cheque', amountCents: 100 })).status).toBe(403);
  }, 120_000);
});
