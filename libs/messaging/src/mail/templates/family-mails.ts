import { composeMail, frenchAmount, frenchDate, linkOf, optionalTextOf, textOf, type RenderContext, type RenderedMail } from './layout.js';

type Data = Record<string, unknown>;

const greeting = (data: Data) => {
  const name = optionalTextOf(data, 'name');
  return name ? `Bonjour ${name},` : 'Bonjour,';
};

const lines = (data: Data): string[] => {
  const value = data.lines;
  if (!Array.isArray(value) || value.length === 0 || !value.every((line) => typeof line === 'string')) {
    throw new Error('mail template data: "lines" must list the reservations');
  }
  return value as string[];
};

/** data: childName, lines (e.g. "Restauration scolaire — lundi 7 septembre 2026 : validée"), link | path */
export function reservationConfirmationMail(data: Data, context: RenderContext): RenderedMail {
  return composeMail(
    `Réservations de ${textOf(data, 'childName')} enregistrées`,
    greeting(data),
    [
      { p: `Votre demande de réservation pour ${textOf(data, 'childName')} a été traitée :` },
      { list: lines(data) },
      { link: linkOf(data, context), label: 'Voir mes réservations' },
    ],
    context,
  );
}

/** data: childName, serviceLabel, date (ISO), link | path */
export function waitlistPromotionMail(data: Data, context: RenderContext): RenderedMail {
  return composeMail(
    'Une place s’est libérée',
    greeting(data),
    [
      {
        p: `Une place s’est libérée : ${textOf(data, 'childName')} est inscrit(e) à « ${textOf(data, 'serviceLabel')} » le ${frenchDate(textOf(data, 'date'))}. Sa demande, jusqu’ici en liste d’attente, est validée.`,
      },
      { p: 'Si vous n’en avez plus besoin, pensez à annuler la réservation dans les délais.' },
      { link: linkOf(data, context), label: 'Voir mes réservations' },
    ],
    context,
  );
}

/** data: invoiceNumber, period (e.g. "septembre 2026"), totalCents, dueDate (ISO), link | path */
export function invoiceAvailableMail(data: Data, context: RenderContext): RenderedMail {
  return composeMail(
    `Votre facture ${textOf(data, 'invoiceNumber')} est disponible`,
    greeting(data),
    [
      {
        p: `Votre facture n° ${textOf(data, 'invoiceNumber')} (${textOf(data, 'period')}) d’un montant de ${frenchAmount(data.totalCents)} est disponible dans votre espace famille.`,
      },
      { p: `À régler avant le ${frenchDate(textOf(data, 'dueDate'))}, en ligne (PayFIP), par prélèvement ou au guichet.` },
      { link: linkOf(data, context), label: 'Voir et payer ma facture' },
    ],
    context,
  );
}

/** data: invoiceNumber, amountCents, paidOn (ISO), means? (e.g. "carte bancaire (PayFIP)") */
export function paymentReceivedMail(data: Data, context: RenderContext): RenderedMail {
  const means = optionalTextOf(data, 'means');
  return composeMail(
    `Paiement reçu pour la facture ${textOf(data, 'invoiceNumber')}`,
    greeting(data),
    [
      {
        p: `Nous avons bien reçu votre paiement de ${frenchAmount(data.amountCents)} le ${frenchDate(textOf(data, 'paidOn'))}${means ? ` (${means})` : ''} pour la facture n° ${textOf(data, 'invoiceNumber')}.`,
      },
      { p: 'Merci. Ce message tient lieu d’accusé de réception ; le détail est dans votre espace famille.' },
      ...(data.link || data.path ? [{ link: linkOf(data, context), label: 'Voir mes factures' }] : []),
    ],
    context,
  );
}

/**
 * data: invoiceNumber, amountCents, dueOn (ISO). Sent when the pain.008 file is made: the bank
 * has not collected yet and may still reject the debit, so nothing is « reçu » at this point.
 */
export function directDebitScheduledMail(data: Data, context: RenderContext): RenderedMail {
  return composeMail(
    `Prélèvement programmé pour la facture ${textOf(data, 'invoiceNumber')}`,
    greeting(data),
    [
      {
        p: `Le prélèvement de ${frenchAmount(data.amountCents)} pour la facture n° ${textOf(data, 'invoiceNumber')} est programmé : il sera présenté à votre banque le ${frenchDate(textOf(data, 'dueOn'))}, selon votre mandat SEPA.`,
      },
      {
        p: 'Veillez à ce que votre compte soit approvisionné à cette date. En cas de rejet par votre banque, la facture redeviendra à payer et vous en serez informé(e).',
      },
      ...(data.link || data.path ? [{ link: linkOf(data, context), label: 'Voir mes factures' }] : []),
    ],
    context,
  );
}

/** data: subject (the request's title), link | path */
export function requestReplyMail(data: Data, context: RenderContext): RenderedMail {
  return composeMail(
    'Réponse à votre demande',
    greeting(data),
    [
      { p: `Le service périscolaire a répondu à votre demande « ${textOf(data, 'subject')} ».` },
      { p: 'Pour lire la réponse et y donner suite, connectez-vous à votre espace famille, rubrique « Mes demandes ».' },
      { link: linkOf(data, context), label: 'Lire la réponse' },
    ],
    context,
  );
}
