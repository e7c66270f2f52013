import { streamName } from '#ardoise/kernel';
import type { DomainEvent } from '#ardoise/commands';

/**
 * `2026-000123`: the year of issue and a sequence without gaps in it. The sequence is the
 * numbering stream's revision + 1, so the event store's optimistic concurrency (a revision
 * taken once) is what makes it gapless and unique.
 */
export const formatInvoiceNumber = (year: number, sequence: number) => `${year}-${String(sequence).padStart(6, '0')}`;

export const INVOICE_NUMBER_ASSIGNED = 'InvoiceNumberAssigned';
export type InvoiceNumberAssigned = DomainEvent<
  typeof INVOICE_NUMBER_ASSIGNED,
  { year: number; sequence: number; number: string; invoiceId: string; key: string }
>;

export const numberingStream = (year: number) => streamName('invoice_numbers', year);

/** The one invoice a family may get for a month, and the n-th correction of an invoice. */
export const monthlyInvoiceKey = (familyId: string, period: string) => `monthly:${familyId}:${period}`;
export const correctionInvoiceKey = (invoiceId: string, n: number) => `correction:${invoiceId}:${n}`;

/**
 * Credit notes ("avoirs") have their own gapless yearly series, `AV-2026-000012`, taken the
 * same way (a numbering stream per year). The key is the invoice and the rank of the credit
 * note on it, so a credit note refused or interrupted after its number was taken leaves the
 * number to the next credit note of that invoice (see CreditNotesService).
 */
export const formatCreditNoteNumber = (year: number, sequence: number) => `AV-${formatInvoiceNumber(year, sequence)}`;
export const CREDIT_NOTE_NUMBER_ASSIGNED = 'CreditNoteNumberAssigned';
export const creditNoteNumberingStream = (year: number) => streamName('credit_note_numbers', year);
export const creditNoteKey = (invoiceId: string, rank: number) => `credit-note:${invoiceId}:${rank}`;

/** A numbering series: its stream per year, its event type, its format. */
export interface NumberSeries {
  stream(year: number): string;
  eventType: string;
  format(year: number, sequence: number): string;
}
export const INVOICE_SERIES: NumberSeries = { stream: numberingStream, eventType: INVOICE_NUMBER_ASSIGNED, format: formatInvoiceNumber };
export const CREDIT_NOTE_SERIES: NumberSeries = { stream: creditNoteNumberingStream, eventType: CREDIT_NOTE_NUMBER_ASSIGNED, format: formatCreditNoteNumber };
