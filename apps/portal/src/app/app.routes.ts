import { inject } from '@angular/core';
import type { Routes } from '@angular/router';
import { homeGuard, parentGuard, signedInGuard, signedOutGuard, staffAreaGuard } from './core/auth.guards';
import { AREA_ACCESS } from './core/staff-areas';
import { MESSAGES } from './i18n/messages';
import { LEGAL_ROUTES } from './pages/legal/legal.routes';

/**
 * Every area is a lazy route, so each one (réservations, factures, demandes, and the
 * staff, finance and audit areas) ships in its own chunk and the first page stays light.
 * Add the area's entry to layout/nav-items.ts beside its route.
 */
export const routes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    canActivate: [homeGuard],
    title: () => inject(MESSAGES).home.pageTitle,
    loadComponent: () => import('./pages/home/home-page.component').then((m) => m.HomePageComponent),
  },
  {
    path: 'connexion',
    canActivate: [signedOutGuard],
    title: () => inject(MESSAGES).auth.login.pageTitle,
    loadComponent: () => import('./pages/auth/login-page.component').then((m) => m.LoginPageComponent),
  },
  {
    path: 'mot-de-passe-oublie',
    canActivate: [signedOutGuard],
    title: () => inject(MESSAGES).auth.forgotten.pageTitle,
    loadComponent: () => import('./pages/auth/forgotten-password-page.component').then((m) => m.ForgottenPasswordPageComponent),
  },
  {
    path: 'reinitialisation/:token',
    title: () => inject(MESSAGES).auth.reset.pageTitle,
    loadComponent: () => import('./pages/auth/reset-password-page.component').then((m) => m.ResetPasswordPageComponent),
  },
  {
    path: 'activation/:token',
    title: () => inject(MESSAGES).family.wizard.pageTitle,
    loadComponent: () => import('./pages/activation/activation-page.component').then((m) => m.ActivationPageComponent),
  },
  {
    path: 'reservations',
    canActivate: [parentGuard],
    loadChildren: () => import('./pages/reservations/reservations.routes').then((m) => m.RESERVATIONS_ROUTES),
  },
  {
    path: 'factures',
    canActivate: [parentGuard],
    title: () => inject(MESSAGES).invoices.pageTitle,
    loadComponent: () => import('./pages/invoices/invoices-page.component').then((m) => m.InvoicesPageComponent),
  },
  {
    path: 'actualites',
    canActivate: [parentGuard],
    title: () => inject(MESSAGES).news.pageTitle,
    loadComponent: () => import('./pages/news/news-page.component').then((m) => m.NewsPageComponent),
  },
  {
    path: 'demandes',
    canActivate: [parentGuard],
    title: () => inject(MESSAGES).requests.pageTitle,
    loadComponent: () => import('./pages/requests/requests-page.component').then((m) => m.RequestsPageComponent),
  },
  {
    path: 'demandes/:id',
    canActivate: [parentGuard],
    title: () => inject(MESSAGES).requests.pageTitle,
    loadComponent: () => import('./pages/requests/request-thread-page.component').then((m) => m.RequestThreadPageComponent),
  },
  {
    path: 'foyer',
    canActivate: [parentGuard],
    title: () => inject(MESSAGES).household.pageTitle,
    loadComponent: () => import('./pages/household/household-page.component').then((m) => m.HouseholdPageComponent),
  },
  {
    path: 'invitation/:token',
    title: () => inject(MESSAGES).family.guardianInvitation.pageTitle,
    loadComponent: () => import('./pages/guardian-invitation/guardian-invitation-page.component').then((m) => m.GuardianInvitationPageComponent),
  },
  {
    path: 'compte',
    canActivate: [signedInGuard],
    title: () => inject(MESSAGES).auth.myAccount.pageTitle,
    loadComponent: () => import('./pages/account/account-page.component').then((m) => m.AccountPageComponent),
  },
  {
    path: 'confirmation-email/:token',
    title: () => inject(MESSAGES).auth.myAccount.emailConfirmTitle,
    loadComponent: () => import('./pages/account/email-confirmation-page.component').then((m) => m.EmailConfirmationPageComponent),
  },
  // The back office: one lazy area per staff role, matched only for its roles (canMatch), so
  // nobody else downloads its code or asks for its data. The shell is in back-office/shell/.
  {
    path: 'gestion',
    canMatch: [staffAreaGuard(...AREA_ACCESS.gestion.readers)],
    loadChildren: () => import('./pages/gestion/gestion.routes').then((m) => m.GESTION_ROUTES),
  },
  {
    path: 'finances',
    canMatch: [staffAreaGuard(...AREA_ACCESS.finances.readers)],
    loadChildren: () => import('./pages/finances/finances.routes').then((m) => m.FINANCES_ROUTES),
  },
  {
    path: 'audit',
    canMatch: [staffAreaGuard(...AREA_ACCESS.audit.readers)],
    loadChildren: () => import('./pages/audit/audit.routes').then((m) => m.AUDIT_ROUTES),
  },
  {
    path: 'admin',
    canMatch: [staffAreaGuard(...AREA_ACCESS.admin.readers)],
    loadChildren: () => import('./pages/admin/admin.routes').then((m) => m.ADMIN_ROUTES),
  },
  {
    path: 'acces-refuse',
    title: () => inject(MESSAGES).forbidden.pageTitle,
    loadComponent: () => import('./pages/forbidden/forbidden-page.component').then((m) => m.ForbiddenPageComponent),
  },
  ...LEGAL_ROUTES,
  {
    path: '**',
    title: () => inject(MESSAGES).notFound.pageTitle,
    loadComponent: () => import('./pages/not-found/not-found-page.component').then((m) => m.NotFoundPageComponent),
  },
];
