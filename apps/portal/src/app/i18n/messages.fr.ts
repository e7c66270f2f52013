import { authFr } from './fr/auth.fr';
import { commonFr } from './fr/common.fr';
import { familyFr } from './fr/family.fr';
import { householdFr } from './fr/household.fr';
import { invoicesFr } from './fr/invoices.fr';
import { messagingFr } from './fr/messaging.fr';
import { reservationsFr } from './fr/reservations.fr';
import { townFr } from './fr/town.fr';

/**
 * Every French string of the portal, in one place. French is the source language; a
 * second language is another object of type `Messages` provided under MESSAGES
 * (see messages.ts). Plurals and numbers go through functions so that each language
 * can word them its own way. Each area keeps its strings in `fr/<area>.fr.ts`.
 */
export const messagesFr = {
  locale: 'fr-FR',
  app: {
    name: 'Ardoise — Mon espace famille',
    skipToContent: 'Aller au contenu',
    mainNavigation: 'Navigation principale',
    /** Beside the town's name in the banner. */
    service: 'Espace famille',
    menu: 'Menu',
    signIn: 'Se connecter',
  },
  nav: {
    home: 'Accueil',
    reservations: 'Mes réservations',
    invoices: 'Mes factures',
    news: 'Mes actualités',
    requests: 'Mes demandes',
    household: 'Mon foyer',
  },
  ...commonFr,
  auth: authFr,
  family: familyFr,
  household: householdFr,
  reservations: reservationsFr,
  invoices: invoicesFr,
  ...messagingFr,
  ...townFr,
  notFound: {
    pageTitle: 'Page introuvable',
    heading: 'Page introuvable',
    body: 'La page demandée n’existe pas ou a été déplacée.',
    backHome: 'Revenir à l’accueil',
  },
};

export type Messages = typeof messagesFr;
