import { ConflictError, NotFoundError, RuleViolationError, ValidationError, type LocalDate } from '#ardoise/kernel';
import type { Decider } from '#ardoise/commands';
import type { InvoiceEvent, InvoiceIssued, PaymentMeans } from './invoice-events.js';
import './invoice-events.js'; // its events' schema versions (defineEvent) with the decider that writes and folds them
import { evolveInvoice, initialInvoiceState, outstandingOf, type InvoiceState } from './invoice-state.js';
import type { Cents } from './money.js';

export type InvoiceCommand =
  | { type: 'IssueInvoice'; invoice: InvoiceIssued['data'] }
  | { type: 'IssueCreditNote'; creditNoteId: string; number: string; amountCents: Cents | 'whole'; reason: string; issuedOn: LocalDate }
  | { type: 'RecordPayment'; paymentId: string; means: PaymentMeans; amountCents: Cents; paidOn: LocalDate; reference: string | null }
  | { type: 'RejectDirectDebit'; paymentId: string; reasonCode: string; rejectedOn: LocalDate }
  | { type: 'RefundPayment'; refundId: string; amountCents: Cents; reason: string; refundedOn: LocalDate }
  | { type: 'SendToCollection'; batchId: string; sentOn: LocalDate }
  | { type: 'StartPayfipPayment'; operationId: string; paymentId: string; amountCents: Cents; expiresAt: string }
  | {
      type: 'SettlePayfipOperation';
      operationId: string;
      result: 'P' | 'A' | 'R' | 'expired';
      amountCents: Cents;
      refdet: string;
      paidOn: LocalDate;
      authorisation: string | null;
    };

/** The PayFIP debt reference of an invoice: its number without the dash (`2026000123`). */
export const refdetOf = (number: string) => number.replace('-', '');

const positive = (amount: Cents, field = 'amountCents') => {
  if (!Number.isSafeInteger(amount) || amount <= 0)
    throw new ValidationError([{ field, messages: ['Le montant doit être un nombre entier de centimes supérieur à 0.'] }]);
};

function issued(state: InvoiceState): InvoiceIssued['data'] {
  if (!state.issued) throw new NotFoundError('INVOICE.NOT_FOUND', 'Facture introuvable.');
  return state.issued;
}

/**
 * One invoice and the money around it: credit notes, payments (any means), refunds,
 * transfer to the public accountant, PayFIP operations. Every command carries its own id
 * (payment, credit note, refund, operation) so that a repeat is a no-op, not a second fact.
 */
export const invoiceDecider: Decider<InvoiceState, InvoiceCommand, InvoiceEvent> = {
  initialState: initialInvoiceState,
  evolve: evolveInvoice,
  decide(command, state): InvoiceEvent[] {
    if (command.type === 'IssueInvoice') {
      if (state.issued) return []; // the same family-month invoice, issued once
      return [{ type: 'InvoiceIssued', data: command.invoice }];
    }
    const invoice = issued(state);
    const base = { invoiceId: invoice.invoiceId, familyId: invoice.familyId };
    const outstanding = outstandingOf(state);
    switch (command.type) {
      case 'IssueCreditNote': {
        if (state.creditNotes.has(command.creditNoteId)) return [];
        const creditable = invoice.totalCents - state.creditedCents;
        const amount = command.amountCents === 'whole' ? creditable : command.amountCents;
        if (command.amountCents !== 'whole') positive(amount);
        if (creditable <= 0) throw new RuleViolationError('INVOICE.ALREADY_CANCELLED', 'Cette facture est déjà entièrement annulée par avoir.');
        if (amount > creditable) {
          throw new RuleViolationError('INVOICE.CREDIT_TOO_LARGE', 'L’avoir dépasse le montant restant de la facture.', undefined, {
            creditableCents: creditable,
          });
        }
        if (state.sentToCollection) throw sentToCollection();
        return [
          {
            type: 'CreditNoteIssued',
            data: {
              ...base,
              creditNoteId: command.creditNoteId,
              number: command.number,
              amountCents: amount,
              whole: amount === creditable && state.creditedCents === 0,
              reason: command.reason,
              issuedOn: command.issuedOn,
            },
          },
        ];
      }
      case 'RecordPayment': {
        if (state.payments.has(command.paymentId)) return [];
        positive(command.amountCents);
        if (state.sentToCollection) throw sentToCollection();
        if (command.amountCents > outstanding) {
          throw new RuleViolationError('INVOICE.OVERPAYMENT', 'Le montant dépasse le reste à payer de la facture.', undefined, {
            outstandingCents: outstanding,
          });
        }
        const { type: _, ...payment } = command;
        return [{ type: 'PaymentRecorded', data: { ...base, ...payment } }];
      }
      case 'RejectDirectDebit': {
        const payment = state.payments.get(command.paymentId);
        if (!payment || payment.means !== 'direct_debit') throw new NotFoundError('PAYMENT.NOT_FOUND', 'Prélèvement introuvable pour cette facture.');
        if (payment.reversed) return [];
        return [
          {
            type: 'PaymentFailed',
            data: {
              ...base,
              paymentId: command.paymentId,
              means: 'direct_debit',
              amountCents: payment.amountCents,
              reason: 'debit_rejected',
              reversal: true,
              detail: command.reasonCode,
              failedOn: command.rejectedOn,
            },
          },
        ];
      }
      case 'RefundPayment': {
        if (state.refunds.has(command.refundId)) return [];
        positive(command.amountCents);
        if (command.amountCents > -outstanding) {
          throw new RuleViolationError('INVOICE.NOTHING_TO_REFUND', 'Le remboursement dépasse le trop-perçu de la facture.', undefined, {
            refundableCents: Math.max(0, -outstanding),
          });
        }
        const { type: _, ...refund } = command;
        return [{ type: 'PaymentRefunded', data: { ...base, ...refund } }];
      }
      case 'SendToCollection': {
        if (state.sentToCollection) return [];
        if (outstanding <= 0) throw new RuleViolationError('INVOICE.NOTHING_DUE', 'Cette facture ne présente aucun reste à payer.');
        if (invoice.dueDate >= command.sentOn) throw new RuleViolationError('INVOICE.NOT_OVERDUE', 'La date d’échéance de cette facture n’est pas dépassée.');
        return [{ type: 'InvoiceSentToCollection', data: { ...base, batchId: command.batchId, amountCents: outstanding, sentOn: command.sentOn } }];
      }
      case 'StartPayfipPayment': {
        if (state.payfip.has(command.operationId)) return [];
        if (state.sentToCollection) throw sentToCollection();
        if (outstanding <= 0) throw new RuleViolationError('INVOICE.NOTHING_DUE', 'Cette facture ne présente aucun reste à payer.');
        if (command.amountCents !== outstanding) throw new ConflictError('INVOICE.AMOUNT_CHANGED', 'Le reste à payer a changé : rechargez la page.');
        const { type: _, ...operation } = command;
        return [{ type: 'PayfipPaymentStarted', data: { ...base, ...operation } }];
      }
      case 'SettlePayfipOperation':
        return settlePayfip(command, state, base, refdetOf(invoice.number));
    }
  },
};

function settlePayfip(
  command: Extract<InvoiceCommand, { type: 'SettlePayfipOperation' }>,
  state: InvoiceState,
  base: { invoiceId: string; familyId: string },
  refdet: string,
): InvoiceEvent[] {
  const operation = state.payfip.get(command.operationId);
  if (!operation) throw new NotFoundError('PAYFIP.UNKNOWN_OPERATION', 'Opération PayFIP inconnue.');
  if (operation.status !== 'pending') return []; // already settled: a second notification changes nothing
  const { paymentId } = operation;
  if (command.result === 'P') {
    if (command.amountCents !== operation.amountCents || command.refdet !== refdet) {
      const reason = command.refdet !== refdet ? 'reference_mismatch' : 'amount_mismatch';
      const detail = `attendu ${operation.amountCents} c / ${refdet}, reçu ${command.amountCents} c / ${command.refdet}`;
      return [{ type: 'PayfipPaymentAnomaly', data: { ...base, operationId: command.operationId, paymentId, reason, detail } }];
    }
    // Money PayFIP took is recorded even if the invoice was settled meanwhile (the excess is refundable).
    return [
      {
        type: 'PaymentRecorded',
        data: {
          ...base,
          paymentId,
          means: 'payfip',
          amountCents: operation.amountCents,
          paidOn: command.paidOn,
          reference: command.authorisation ?? command.operationId,
        },
      },
    ];
  }
  const reason = command.result === 'A' ? 'abandoned' : command.result === 'R' ? 'refused' : 'expired';
  return [
    {
      type: 'PaymentFailed',
      data: {
        ...base,
        paymentId,
        means: 'payfip',
        amountCents: operation.amountCents,
        reason,
        reversal: false,
        detail: command.operationId,
        failedOn: command.paidOn,
      },
    },
  ];
}

function sentToCollection(): RuleViolationError {
  return new RuleViolationError('INVOICE.SENT_TO_COLLECTION', 'Cette facture a été transmise au comptable public : elle se règle auprès du Trésor public.');
}
