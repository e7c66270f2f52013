import type { Routes } from '@angular/router';
import { backOfficeArea } from '../../back-office/shell/area-routes';

/** The /finances area. Its pages come in their own issue; each adds its menu line in back-office/shell/back-office-nav.ts. */
export const FINANCES_ROUTES: Routes = backOfficeArea('finances', () => import('./finances-home.component').then((m) => m.FinancesHomeComponent), []);
