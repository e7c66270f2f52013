import { inject } from '@angular/core';
import type { Routes } from '@angular/router';
import { MESSAGES } from './i18n/messages';

/**
 * Every area is a lazy route, so each one (réservations, factures, demandes, and the
 * staff, finance and audit areas) ships in its own chunk and the first page stays light.
 * Add the area's entry to NAV_ITEMS (layout/nav-items.ts) beside its route.
 */
export const routes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: () => inject(MESSAGES).home.pageTitle,
    loadComponent: () => import('./pages/home/home-page.component').then((m) => m.HomePageComponent),
  },
  {
    path: '**',
    title: () => inject(MESSAGES).notFound.pageTitle,
    loadComponent: () => import('./pages/not-found/not-found-page.component').then((m) => m.NotFoundPageComponent),
  },
];
