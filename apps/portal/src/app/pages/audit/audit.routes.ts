import type { Routes } from '@angular/router';
import { backOfficeArea, boTitle } from '../../back-office/shell/area-routes';

/** The /audit area (read-only). Each page adds its menu line in back-office/shell/back-office-nav.ts. */
export const AUDIT_ROUTES: Routes = backOfficeArea('audit', () => import('./audit-home.component').then((m) => m.AuditHomeComponent), [
  {
    path: 'evenements',
    title: boTitle((t) => t.audit.events.pageTitle),
    loadComponent: () => import('./evenements/event-browser-page.component').then((m) => m.EventBrowserPageComponent),
  },
  {
    path: 'etat',
    title: boTitle((t) => t.audit.state.pageTitle),
    loadComponent: () => import('./etat/state-page.component').then((m) => m.StatePageComponent),
  },
  {
    path: 'verification',
    title: boTitle((t) => t.audit.verification.pageTitle),
    loadComponent: () => import('./verification/verification-page.component').then((m) => m.VerificationPageComponent),
  },
]);
