import type { Routes } from '@angular/router';
import { backOfficeArea, boTitle } from '../../back-office/shell/area-routes';

/** The /admin area. Each page adds its menu line in back-office/shell/back-office-nav.ts. */
export const ADMIN_ROUTES: Routes = backOfficeArea('admin', () => import('./admin-home.component').then((m) => m.AdminHomeComponent), [
  {
    path: 'comptes',
    title: boTitle((t) => t.admin.accounts.pageTitle),
    loadComponent: () => import('./comptes/staff-accounts-page.component').then((m) => m.StaffAccountsPageComponent),
  },
  {
    path: 'rgpd',
    title: boTitle((t) => t.admin.erasure.pageTitle),
    loadComponent: () => import('./rgpd/erasure-page.component').then((m) => m.ErasurePageComponent),
  },
  {
    path: 'sante',
    title: boTitle((t) => t.admin.health.pageTitle),
    loadComponent: () => import('./sante/health-page.component').then((m) => m.HealthPageComponent),
  },
]);
