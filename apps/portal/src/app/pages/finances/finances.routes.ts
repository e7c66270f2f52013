import type { Routes } from '@angular/router';
import { backOfficeArea, boTitle } from '../../back-office/shell/area-routes';

/** The /finances area: the dashboard as its home, then its pages (menu lines in back-office/shell/back-office-nav.ts). */
export const FINANCES_ROUTES: Routes = backOfficeArea(
  'finances',
  () => import('./tableau-de-bord/finance-dashboard-page.component').then((m) => m.FinanceDashboardPageComponent),
  [
    // Invoices and payments (finance-invoices, finance-payments)
    {
      path: 'factures',
      title: boTitle((t) => t.financeInvoices.pageTitle),
      loadComponent: () => import('./factures/invoices-page.component').then((m) => m.FinanceInvoicesPageComponent),
    },
    {
      path: 'factures/:invoiceId',
      title: boTitle((t) => t.financeInvoices.invoiceTitle),
      loadComponent: () => import('./factures/invoice-page.component').then((m) => m.FinanceInvoicePageComponent),
    },
    {
      path: 'factures/:invoiceId/pourquoi',
      title: boTitle((t) => t.financeInvoices.whyTitle),
      loadComponent: () => import('./factures/explanation-page.component').then((m) => m.InvoiceExplanationPageComponent),
    },
    {
      path: 'paiements',
      title: boTitle((t) => t.financePayments.pageTitle),
      loadComponent: () => import('./paiements/payments-page.component').then((m) => m.FinancePaymentsPageComponent),
    },
    {
      path: 'facturation',
      title: boTitle((t) => t.billing.pageTitle),
      loadComponent: () => import('./facturation/billing-page.component').then((m) => m.BillingPageComponent),
    },
    {
      path: 'rapprochement',
      title: boTitle((t) => t.reconciliation.pageTitle),
      loadComponent: () => import('./rapprochement/reconciliation-page.component').then((m) => m.ReconciliationPageComponent),
    },
  ],
);
