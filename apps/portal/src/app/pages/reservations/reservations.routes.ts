import { inject } from '@angular/core';
import type { Routes } from '@angular/router';
import { MESSAGES } from '../../i18n/messages';
import { leaveBasketGuard } from './leave-basket.guard';
import { ReservationsStore } from './reservations.store';

export const RESERVATIONS_ROUTES: Routes = [
  {
    path: '',
    providers: [ReservationsStore],
    canDeactivate: [leaveBasketGuard],
    loadComponent: () => import('./reservations-page.component').then((m) => m.ReservationsPageComponent),
    children: [
      {
        path: '',
        title: () => inject(MESSAGES).reservations.pageTitle,
        loadComponent: () => import('./period-view.component').then((m) => m.PeriodViewComponent),
      },
      {
        path: 'agenda',
        title: () => inject(MESSAGES).reservations.agendaPageTitle,
        loadComponent: () => import('./agenda-view.component').then((m) => m.AgendaViewComponent),
      },
    ],
  },
];
