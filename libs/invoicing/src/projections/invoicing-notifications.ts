import type { MailBuilder, NotificationSource } from '#ardoise/messaging';
import type { InvoiceIssued, PaymentMeans, PaymentRecorded } from '../domain/invoice-events.js';
import { periodLabel } from '../pdf/invoice-print.js';
import { INVOICES_TABLE } from './finance.tables.js';

/** Where the portal lists a family's invoices ("Mes factures"). */
export const INVOICES_PAGE = '/factures';

const MEANS_IN_WORDS: Record<PaymentMeans, string> = {
  payfip: 'carte bancaire (PayFIP)',
  direct_debit: 'prélèvement SEPA',
  cash: 'espèces',
  cheque: 'chèque',
  cesu: 'CESU',
};

/** "Votre facture 2026-000123 est disponible": amount and due date in the template's French format. */
const invoiceAvailable: MailBuilder = async (event, { recipients }) => {
  const data = event.data as InvoiceIssued['data'];
  const to = await recipients.emailOf(data.familyId);
  if (!to) return undefined;
  return {
    to,
    template: 'invoice-available',
    familyId: data.familyId,
    data: { invoiceNumber: data.number, period: periodLabel(data.period), totalCents: data.totalCents, dueDate: data.dueDate, path: INVOICES_PAGE },
  };
};

/**
 * "Paiement reçu pour la facture 2026-000123" — or, for a SEPA direct debit, "Prélèvement
 * programmé": its PaymentRecorded is written when the pain.008 file is made, before the bank
 * collects (and the debit may still be rejected), so it is not « reçu » yet. The number is not in `PaymentRecorded`: it is
 * read from invoicing's own finance read model. Should that projection lag behind this one
 * (it never does in practice: a payment comes long after its invoice), the builder throws
 * and the runner retries the batch, rather than send an e-mail without its invoice. An e-mail
 * already in the outbox (a rebuild of the notifications) does not come here: the projector
 * runs a builder of a source that keeps no table only when its e-mail would be written.
 */
const paymentReceived: MailBuilder = async (event, { trx, recipients }) => {
  const data = event.data as PaymentRecorded['data'];
  const to = await recipients.emailOf(data.familyId);
  if (!to) return undefined;
  const invoice = await trx.selectFrom(INVOICES_TABLE).select('number').where('invoice_id', '=', data.invoiceId).executeTakeFirst();
  if (!invoice) throw new Error('invoicing notifications: the invoice is not in the finance read model yet (retried)');
  if (data.means === 'direct_debit') {
    return {
      to,
      template: 'direct-debit-scheduled',
      familyId: data.familyId,
      data: { invoiceNumber: invoice.number, amountCents: data.amountCents, dueOn: data.paidOn, path: INVOICES_PAGE },
    };
  }
  return {
    to,
    template: 'payment-received',
    familyId: data.familyId,
    data: {
      invoiceNumber: invoice.number,
      amountCents: data.amountCents,
      paidOn: data.paidOn,
      means: MEANS_IN_WORDS[data.means] ?? data.means,
      path: INVOICES_PAGE,
    },
  };
};

/** Invoicing's e-mails ("facture disponible", "paiement reçu"), sent through messaging's notifications projector. */
export const invoicingNotifications: NotificationSource = {
  mails: { InvoiceIssued: invoiceAvailable, PaymentRecorded: paymentReceived },
};
