import { InjectionToken } from '@angular/core';
import { adminFr } from './admin.fr';
import { attendanceFr } from './attendance.fr';
import { auditFr } from './audit.fr';
import { dayFr } from './day.fr';
import { familiesFr } from './families.fr';
import { shellFr } from './shell.fr';
import { catalogueFr } from './catalogue.fr';
import { newsEditorFr } from './news-editor.fr';
import { outboxFr } from './outbox.fr';
import { requestsInboxFr } from './requests-inbox.fr';
import { waitingListsFr } from './waiting-lists.fr';
// Finances: invoices and payments (finance-invoices, finance-payments)
import { financeInvoicesFr } from './finance-invoices.fr';
import { financePaymentsFr } from './finance-payments.fr';
import { financeDashboardFr } from './finance-dashboard.fr';
import { billingFr } from './billing.fr';
import { reconciliationFr } from './reconciliation.fr';

/**
 * The back office's French strings. They are apart from the parents' MESSAGES so that
 * none of them enters the parents' initial bundle: only back-office chunks import this
 * file. Each area adds its own `<area>.fr.ts` and one line here.
 */
export const backOfficeFr = {
  catalogue: catalogueFr,
  waitingLists: waitingListsFr,
  newsEditor: newsEditorFr,
  requestsInbox: requestsInboxFr,
  outbox: outboxFr,
  ...shellFr,
  families: familiesFr,
  day: dayFr,
  attendance: attendanceFr,
  admin: adminFr,
  // Finances: invoices and payments
  financeInvoices: financeInvoicesFr,
  financePayments: financePaymentsFr,
  financeDashboard: financeDashboardFr,
  billing: billingFr,
  reconciliation: reconciliationFr,
  audit: auditFr,
};

export type BackOfficeMessages = typeof backOfficeFr;

/** Components read them with `inject(BO_MESSAGES)` (a second language provides another object). */
export const BO_MESSAGES = new InjectionToken<BackOfficeMessages>('BO_MESSAGES', {
  providedIn: 'root',
  factory: () => backOfficeFr,
});
