import type { Routes } from '@angular/router';
import { backOfficeArea, boTitle } from '../../back-office/shell/area-routes';

/** The agents' area (/gestion). Each page adds its menu line in back-office/shell/back-office-nav.ts. */
export const GESTION_ROUTES: Routes = backOfficeArea(
  'gestion',
  () => import('../../back-office/shell/area-home.component').then((m) => m.AreaHomeComponent),
  [
    { path: 'familles', loadChildren: () => import('./familles/familles.routes').then((m) => m.FAMILLES_ROUTES) },
    {
      path: 'journee',
      title: boTitle((t) => t.day.pageTitle),
      loadComponent: () => import('./journee/day-page.component').then((m) => m.DayPageComponent),
    },
    {
      path: 'presences',
      title: boTitle((t) => t.attendance.pageTitle),
      loadComponent: () => import('./presences/attendance-page.component').then((m) => m.AttendancePageComponent),
    },
  ],
);
