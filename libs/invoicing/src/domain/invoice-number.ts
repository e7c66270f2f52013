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

export const numberingStream = (year: number) => `invoice_numbers-${year}`;

/** The one invoice a family may get for a month, and the n-th correction of an invoice. */
export const monthlyInvoiceKey = (familyId: string, period: string) => `monthly:${familyId}:${period}`;
export const correctionInvoiceKey = (invoiceId: string, n: number) => `correction:${invoiceId}:${n}`;
