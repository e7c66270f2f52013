import type { LegalPage, LegalPageSlug } from '#ardoise/contracts';
import { townAtSentenceStart, townInSentence, type TownIdentity } from './town-identity.js';

/**
 * The legal pages a French municipal site must publish, worded for the demo town from the
 * TOWN_* settings. A real town replaces any of them with TOWN_LEGAL_FILE (docs/town.md):
 * its host, its own accessibility audit, its own register of processing.
 */
export function demoLegalPages(town: TownIdentity, publicUrl: string): Record<LegalPageSlug, LegalPage> {
  const contact = [`Adresse : ${town.address}`, `Téléphone : ${town.phone} (${town.hours})`, `E-mail : ${town.email}`];
  const updatedOn = '2026-09-01';
  return {
    'mentions-legales': {
      slug: 'mentions-legales',
      title: 'Mentions légales',
      updatedOn,
      sections: [
        {
          heading: 'Éditeur',
          blocks: [
            { p: `L’espace famille (${publicUrl}) est édité par ${townInSentence(town.name)}, collectivité territoriale.` },
            { list: [...contact, `SIRET : ${town.siret}`] },
          ],
        },
        { heading: 'Directeur de la publication', blocks: [{ p: 'Le maire, représentant légal de la commune.' }] },
        {
          heading: 'Hébergement',
          blocks: [{ p: `Le service est hébergé par la commune, sur ses serveurs situés en France : ${town.name}, ${town.address}, téléphone ${town.phone}.` }],
        },
        {
          heading: 'Logiciel',
          blocks: [{ p: 'L’espace famille fonctionne avec Ardoise, logiciel libre publié sous licence GNU AGPL 3.0 ou ultérieure.' }],
        },
        {
          heading: 'Propriété intellectuelle',
          blocks: [
            {
              p: `Les textes, le blason et les documents publiés sur ce site appartiennent à ${townInSentence(town.name)}. Toute reproduction demande son accord, sauf pour un usage personnel.`,
            },
          ],
        },
        {
          heading: 'Données personnelles et accessibilité',
          blocks: [
            { link: '/donnees-personnelles', label: 'Comment vos données personnelles sont traitées' },
            { link: '/accessibilite', label: 'Déclaration d’accessibilité' },
          ],
        },
      ],
    },
    accessibilite: {
      slug: 'accessibilite',
      title: 'Déclaration d’accessibilité',
      updatedOn,
      sections: [
        {
          heading: 'Engagement',
          blocks: [
            {
              p: `${townAtSentenceStart(town.name)} s’engage à rendre ses services en ligne accessibles, conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005.`,
            },
            { p: `Cette déclaration s’applique à l’espace famille (${publicUrl}).` },
          ],
        },
        {
          heading: 'État de conformité',
          blocks: [
            {
              p: 'L’espace famille est partiellement conforme avec le référentiel général d’amélioration de l’accessibilité (RGAA), version 4.1.2, en raison des non-conformités et de l’absence d’audit complet énumérées ci-dessous.',
            },
          ],
        },
        {
          heading: 'Résultats des tests',
          blocks: [
            {
              p: 'À chaque version du logiciel, chaque page de l’espace famille est contrôlée automatiquement avec axe-core (règles WCAG 2.1, niveaux A et AA) sur un écran d’ordinateur et sur un écran de téléphone, et la grille de réservation est testée au clavier seul. Aucune anomalie bloquante n’est relevée par ces tests.',
            },
            {
              p: 'Aucun audit complet des 106 critères du RGAA n’a encore été mené par un organisme indépendant : c’est pourquoi l’espace famille est déclaré partiellement conforme.',
            },
          ],
        },
        {
          heading: 'Contenus non accessibles',
          blocks: [
            {
              list: [
                'Les factures au format PDF ne sont pas balisées pour les lecteurs d’écran ; leur contenu (lignes, montants, échéance) est aussi présenté en page web dans « Mes factures ».',
                'Les pièces jointes déposées par les familles ou par le service dans « Mes demandes » ne sont pas contrôlées.',
              ],
            },
            { p: 'Dérogation pour charge disproportionnée : aucune.' },
          ],
        },
        {
          heading: 'Établissement de cette déclaration',
          blocks: [
            { p: `Déclaration établie le 1er septembre 2026.` },
            {
              list: [
                'Technologies : HTML5, CSS, JavaScript, WAI-ARIA.',
                'Environnement de test : Chromium récent sur ordinateur (1280 × 800) et sur téléphone (375 × 812).',
                'Outils : axe-core, navigation au clavier.',
                'Pages vérifiées : accueil, connexion, création du compte, réservations, factures, actualités, demandes, foyer, compte, pages légales.',
              ],
            },
          ],
        },
        {
          heading: 'Retour d’information et contact',
          blocks: [
            {
              p: 'Si vous n’arrivez pas à accéder à un contenu ou à un service, contactez-nous : nous vous aiderons et vous transmettrons l’information sous une autre forme.',
            },
            { list: contact },
          ],
        },
        {
          heading: 'Voies de recours',
          blocks: [
            {
              p: 'Si vous nous avez signalé un défaut d’accessibilité qui vous empêche d’accéder à un contenu ou à un service et que vous n’avez pas obtenu de réponse satisfaisante, vous pouvez saisir le Défenseur des droits :',
            },
            {
              list: [
                'par le formulaire en ligne : formulaire.defenseurdesdroits.fr ;',
                'auprès d’un délégué du Défenseur des droits dans votre région ;',
                'par téléphone : 09 69 39 00 00 ;',
                'par courrier (gratuit, sans timbre) : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.',
              ],
            },
            { link: 'https://formulaire.defenseurdesdroits.fr/', label: 'Saisir le Défenseur des droits en ligne' },
          ],
        },
      ],
    },
    'donnees-personnelles': {
      slug: 'donnees-personnelles',
      title: 'Données personnelles',
      updatedOn,
      sections: [
        {
          heading: 'Responsable du traitement',
          blocks: [{ p: `${townAtSentenceStart(town.name)}, représentée par son maire, ${town.address}.` }],
        },
        {
          heading: 'À quoi servent vos données',
          blocks: [
            {
              list: [
                'inscrire vos enfants à la restauration scolaire, à l’accueil périscolaire et au centre de loisirs, et gérer leurs réservations et leurs présences ;',
                'calculer le tarif selon votre quotient familial, vous facturer et encaisser vos paiements ;',
                'veiller à la sécurité de vos enfants (allergies, régime, projet d’accueil individualisé) ;',
                'vous informer et répondre à vos demandes.',
              ],
            },
          ],
        },
        {
          heading: 'Base légale',
          blocks: [
            {
              p: 'Ces traitements relèvent de la mission d’intérêt public de la commune (article 6.1.e du RGPD) et, pour la facturation et la comptabilité publique, d’obligations légales (article 6.1.c).',
            },
            {
              p: 'Les informations de santé de votre enfant ne sont recueillies qu’avec votre accord explicite (article 9.2.a) et seulement si vous les donnez ; vous pouvez les retirer à tout moment dans « Mon foyer ».',
            },
          ],
        },
        {
          heading: 'Données recueillies',
          blocks: [
            {
              list: [
                'responsables : nom, prénom, coordonnées, quotient familial et, si vous choisissez le prélèvement, votre IBAN ;',
                'enfants : nom, prénom, date de naissance, école et classe, régime, allergies et PAI ;',
                'réservations, présences, factures, paiements, demandes et leurs pièces jointes.',
              ],
            },
          ],
        },
        {
          heading: 'Durées de conservation',
          blocks: [
            {
              list: [
                'votre compte et les informations de vos enfants : tant que vous utilisez les services, puis un an après la dernière fréquentation ;',
                'les informations de santé : jusqu’à la fin de l’année scolaire, ou jusqu’à ce que vous les retiriez ;',
                'les factures et pièces comptables : dix ans, comme l’exige la comptabilité publique ;',
                'le mandat de prélèvement : 36 mois après le dernier prélèvement ;',
                'les journaux de connexion : un an.',
              ],
            },
            {
              p: 'À l’effacement, la clé qui chiffre vos données est détruite : elles deviennent illisibles, y compris dans les historiques ; seules restent les sommes des pièces comptables, sans nom.',
            },
          ],
        },
        {
          heading: 'Destinataires',
          blocks: [
            {
              list: [
                'les agents habilités du service périscolaire et du service des finances de la commune ;',
                'les animateurs qui accueillent vos enfants, pour les seules informations utiles à leur sécurité ;',
                'le comptable public (DGFiP), pour l’encaissement et le recouvrement, et PayFIP pour le paiement en ligne.',
              ],
            },
            {
              p: 'Vos données ne sont ni vendues, ni transférées hors de l’Union européenne. Le site ne dépose que les cookies nécessaires à la connexion, sans mesure d’audience.',
            },
          ],
        },
        {
          heading: 'Vos droits',
          blocks: [
            {
              p: 'Vous pouvez accéder à vos données, les faire rectifier ou effacer, en limiter le traitement ou vous y opposer, dans les limites des obligations légales de la commune. Écrivez au délégué à la protection des données :',
            },
            { link: `mailto:${town.dpoEmail}`, label: town.dpoEmail },
            { p: `ou par courrier : Délégué à la protection des données, ${town.name}, ${town.address}.` },
          ],
        },
        {
          heading: 'Réclamation',
          blocks: [
            {
              p: 'Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris CEDEX 07.',
            },
            { link: 'https://www.cnil.fr/fr/plaintes', label: 'Adresser une plainte à la CNIL' },
          ],
        },
      ],
    },
  };
}
