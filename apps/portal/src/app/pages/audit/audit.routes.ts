import type { Routes } from '@angular/router';
import { backOfficeArea } from '../../back-office/shell/area-routes';

/** The /audit area. Its pages come in their own issue; each adds its menu line in back-office/shell/back-office-nav.ts. */
export const AUDIT_ROUTES: Routes = backOfficeArea('audit', () => import('./audit-home.component').then((m) => m.AuditHomeComponent), []);
