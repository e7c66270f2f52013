import type { InvoiceStatus } from '@ardoise/contracts';
import { euros } from '../../shared/formats';

/**
 * Made on first use, not when the messages load: a page's first Intl formatter loads the
 * locale's data (a long task on a phone, docs/portal-delivery.md), which the login page never needs.
 */

/** Mes factures (guide step 3) and the PayFIP payment. */
export const invoicesFr = {
  pageTitle: 'Mes factures',
  heading: 'Mes factures',
  amount: euros,
  tabs: 'Factures',
  current: 'En cours',
  settled: 'Payées',
  currentWarning: 'Une facture « en cours » n’est pas payée : pensez à la régler avant sa date d’échéance.',
  directDebit:
    'Vous avez choisi le prélèvement automatique : vous n’avez rien à faire, chaque facture est prélevée à son échéance. Cette page vous sert d’historique (pour votre comité d’entreprise ou vos impôts, par exemple).',
  noneCurrent: 'Aucune facture en cours. Tout est réglé.',
  noneSettled: 'Aucune facture payée pour le moment.',
  loading: 'Chargement des factures…',
  number: 'Facture',
  period: 'Mois facturé',
  issuedOn: 'Émise le',
  dueDate: 'À payer avant le',
  total: 'Montant',
  outstanding: 'Reste à payer',
  status: 'État',
  actions: 'Actions',
  statusSymbols: { issued: '●', partially_paid: '◐', paid: '✓', cancelled: '⊘', sent_to_collection: '!' } satisfies Record<InvoiceStatus, string>,
  pdfShort: 'PDF',
  pdfOf: (n: string) => ` de la facture ${n}`,
  pay: 'Payer en ligne',
  payOf: (n: string, amount: string) => ` la facture ${n} (${amount})`,
  paying: 'Ouverture de PayFIP…',
  payHelp: 'Le paiement en ligne se fait sur PayFIP, le service de paiement de la DGFiP (carte bancaire ou prélèvement unique). Vous reviendrez ici ensuite.',
  collection:
    'Cette facture a été transmise au comptable public : réglez-la avec l’avis des sommes à payer reçu par courrier (identifiant structure et référence ci-dessous).',
  reference: (ref: string) => `Référence de la dette : ${ref}`,
  result: {
    heading: 'Résultat du paiement',
    checking: 'Nous attendons la confirmation de PayFIP…',
    paid: (n: string) => `Paiement accepté : la facture ${n} est payée. Merci !`,
    refused: 'Le paiement a été refusé par votre banque. Aucune somme n’a été prélevée ; vous pouvez réessayer.',
    abandoned: 'Le paiement a été abandonné. Aucune somme n’a été prélevée ; vous pouvez réessayer.',
    expired: 'Le délai de paiement (15 minutes) est dépassé. Recommencez depuis cette page.',
    anomaly: 'Le montant payé ne correspond pas à la facture : le service finances va vérifier et vous recontacter.',
    pending: 'Le résultat n’est pas encore connu : il s’affichera ici dès que PayFIP l’aura confirmé (quelques minutes au plus).',
  },
};
