import type { Routes } from '@angular/router';
import { backOfficeArea } from '../../back-office/shell/area-routes';

/** The /admin area. Its pages come in their own issue; each adds its menu line in back-office/shell/back-office-nav.ts. */
export const ADMIN_ROUTES: Routes = backOfficeArea('admin', () => import('./admin-home.component').then((m) => m.AdminHomeComponent), []);
