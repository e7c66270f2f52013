import type { HealthStatus } from '@ardoise/contracts';
import { clockTime } from '../shared/formats';
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
    name: 'Espace famille',
    /** The site's part of each page title, once the town is known. */
    siteTitle: (town: string) => `Espace famille — ${town}`,
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
  health: {
    heading: 'État du service',
    checking: 'Vérification en cours…',
    overall: {
      ok: 'Service disponible',
      degraded: 'Service dégradé',
      down: 'Service indisponible',
    } satisfies Record<HealthStatus, string>,
    overallHint: {
      ok: 'Tout fonctionne normalement.',
      degraded: 'Le portail fonctionne, mais certaines informations peuvent avoir un peu de retard.',
      down: 'Le portail ne peut pas traiter vos demandes pour le moment. Réessayez dans quelques minutes.',
    } satisfies Record<HealthStatus, string>,
    unreachable: 'Le serveur ne répond pas. Vérifiez votre connexion internet, puis réessayez.',
    checksHeading: 'Vérifications',
    check: {
      ok: 'Fonctionnement normal',
      degraded: 'Fonctionnement dégradé',
      down: 'Hors service',
    } satisfies Record<HealthStatus, string>,
    database: 'Base de données',
    eventStore: (adapter: 'postgresql' | 'eventstoredb') => `Journal des événements (${adapter === 'eventstoredb' ? 'EventStoreDB' : 'PostgreSQL'})`,
    projectionsHeading: 'Mise à jour des données',
    projectionsIntro: 'Retard de chaque vue de données sur le journal des événements.',
    noProjections: 'Aucune vue de données n’a encore démarré.',
    lag: (events: number, seconds: number) =>
      events === 0 ? 'À jour' : `${events.toLocaleString('fr-FR')} ${events > 1 ? 'événements' : 'événement'} en attente, ${duration(seconds)} de retard`,
    heartbeat: (at: string | null) => (at === null ? 'Pas encore démarrée' : `Dernier signal à ${time(at)}`),
    version: (version: string, checkedAt: string) => `Version ${version} · vérifié à ${time(checkedAt)}`,
    refresh: 'Actualiser',
    refreshing: 'Actualisation…',
  },
  forbidden: {
    pageTitle: 'Accès refusé',
    heading: 'Accès refusé',
    body: (page: string) => `Cette page${page ? ` (${page})` : ''} est réservée à d’autres personnes que vous : votre compte n’y a pas accès.`,
    backHome: 'Revenir à votre accueil',
  },
  notFound: {
    pageTitle: 'Page introuvable',
    heading: 'Page introuvable',
    body: 'La page demandée n’existe pas ou a été déplacée.',
    backHome: 'Revenir à l’accueil',
  },
};

export type Messages = typeof messagesFr;

function duration(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return s % 60 === 0 ? `${minutes} min` : `${minutes} min ${s % 60} s`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}

function time(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return clockTime(iso);
}
