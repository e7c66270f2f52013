import type { Routes } from '@angular/router';
import { backOfficeArea, boTitle } from '../../back-office/shell/area-routes';

/** The agents' area (/gestion). Each page adds its menu line in back-office/shell/back-office-nav.ts. */
export const GESTION_ROUTES: Routes = backOfficeArea('gestion', () => import('../../back-office/shell/area-home.component').then((m) => m.AreaHomeComponent), [
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
  {
    path: 'catalogue',
    title: boTitle((t) => t.catalogue.pageTitle),
    loadComponent: () => import('./catalogue/catalogue-page.component').then((m) => m.CataloguePageComponent),
  },
  {
    path: 'listes-attente',
    title: boTitle((t) => t.waitingLists.pageTitle),
    loadComponent: () => import('./listes-attente/waiting-lists-page.component').then((m) => m.WaitingListsPageComponent),
  },
  {
    path: 'actualites',
    title: boTitle((t) => t.newsEditor.pageTitle),
    loadComponent: () => import('./actualites/news-editor-page.component').then((m) => m.NewsEditorPageComponent),
  },
  {
    path: 'demandes',
    title: boTitle((t) => t.requestsInbox.pageTitle),
    loadComponent: () => import('./demandes/requests-inbox-page.component').then((m) => m.RequestsInboxPageComponent),
  },
  {
    path: 'courriels',
    title: boTitle((t) => t.outbox.pageTitle),
    loadComponent: () => import('./courriels/outbox-page.component').then((m) => m.OutboxPageComponent),
  },
]);
