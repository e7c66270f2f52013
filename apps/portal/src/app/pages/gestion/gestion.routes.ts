import type { Routes } from '@angular/router';
import { backOfficeArea } from '../../back-office/shell/area-routes';

/** The agents' area (/gestion). Each page adds its menu line in back-office/shell/back-office-nav.ts. */
export const GESTION_ROUTES: Routes = backOfficeArea(
  'gestion',
  () => import('../../back-office/shell/area-home.component').then((m) => m.AreaHomeComponent),
  [
  ],
);
