import type { AccessibilityConformity } from '@ardoise/contracts';
import { fullDate } from '../../shared/formats';

/** The town's words: the signed-out welcome, the footer, the legal pages. */
export const townFr = {
  home: {
    pageTitle: 'Accueil',
    heading: 'Bienvenue dans votre espace famille',
    welcome: (townInSentence: string) =>
      `${townInSentence[0]!.toUpperCase()}${townInSentence.slice(1)} vous accueille ici pour inscrire vos enfants à la restauration scolaire, à l’accueil périscolaire et au centre de loisirs, suivre vos réservations, régler vos factures et échanger avec le service.`,
    welcomeLoading:
      'Depuis cet espace, inscrivez vos enfants à la restauration scolaire, à l’accueil périscolaire et au centre de loisirs, suivez vos réservations, réglez vos factures et échangez avec le service.',
    signInHeading: 'Vous avez déjà un espace famille',
    forgotten: 'Mot de passe oublié ?',
    firstTimeHeading: 'Première inscription',
    firstTime:
      'L’espace famille s’ouvre sur invitation : demandez-la au service périscolaire, qui vous enverra un lien par e-mail. Pensez à regarder dans vos courriers indésirables (spam) si vous ne le voyez pas.',
    contactHeading: 'Nous contacter',
    staff: 'Vous êtes connecté avec un compte de la mairie : les pages des agents sont à part.',
  },
  contact: {
    phone: 'Téléphone',
    email: 'E-mail',
    hours: 'Accueil',
    address: 'Adresse',
  },
  footer: {
    service: (name: string) => `${name} — service périscolaire`,
    legalNavigation: 'Informations légales',
    legalNotice: 'Mentions légales',
    accessibility: (conformity: AccessibilityConformity | undefined) => (conformity ? `Accessibilité : ${conformity}` : 'Accessibilité'),
    personalData: 'Données personnelles',
    software: 'Espace famille réalisé avec Ardoise, logiciel libre.',
  },
  legal: {
    legalNoticeTitle: 'Mentions légales',
    accessibilityTitle: 'Déclaration d’accessibilité',
    personalDataTitle: 'Données personnelles',
    updatedOn: (date: string) => `Mise à jour : ${fullDate(date).replace(/^1 /, '1er ')}`,
    unavailable: 'Cette page n’a pas pu être chargée. Réessayez dans un instant.',
    externalLink: '(site externe)',
  },
};

/** « Mairie de Saint-Ardoise » → « la mairie de Saint-Ardoise » (as the API words it for e-mails). */
export function townInSentence(name: string): string {
  return /^(Mairie|Commune|Ville)\b/.test(name) ? `la ${name[0]!.toLowerCase()}${name.slice(1)}` : name;
}
