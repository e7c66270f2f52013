import type { Routes } from '@angular/router';
import { backOfficeArea, boTitle } from '../../back-office/shell/area-routes';

/** The /finances area: the dashboard as its home, then its pages (menu lines in back-office/shell/back-office-nav.ts). */
export const FINANCES_ROUTES: Routes = backOfficeArea('finances', () => import('./tableau-de-bord/finance-dashboard-page.component').then((m) => m.FinanceDashboardPageComponent), [
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
]);
