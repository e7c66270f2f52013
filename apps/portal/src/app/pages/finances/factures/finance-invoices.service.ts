import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { InvoiceExplanation, InvoiceSummary } from '@ardoise/contracts';
import { firstValueFrom } from 'rxjs';
import { API } from '../../../core/api';

export interface InvoiceFilters {
  period?: string;
  status?: string;
  family?: string;
  minCents?: number;
  maxCents?: number;
  overdue?: boolean;
}

export interface FinanceInvoice extends InvoiceSummary {
  familyName: string | null;
  sentToCollectionOn: string | null;
  lines: {
    lineNo: number;
    childId: string;
    childName: string | null;
    serviceCode: string;
    serviceLabel: string | null;
    kind: string;
    days: number;
    unitPriceCents: number;
    amountCents: number;
    tariffVersion: number;
    bracketCode: string;
    quotient: number | null;
    dates: string[];
  }[];
  creditNotes: { creditNoteId: string; number: string | null; amountCents: number; whole: boolean; reason: string; issuedOn: string }[];
  payments: { paymentId: string; means: string; amountCents: number; paidOn: string; reference: string | null; status: string; reversedOn: string | null }[];
  refunds: { refundEventId: string; amountCents: number; refundedOn: string }[];
  payfipOperations: { operationId: string; paymentId: string; amountCents: number; status: string; detail: string | null }[];
}

/** What the answer of a command on an invoice says (its new status and balance). */
export interface InvoiceCommandResult {
  invoiceId: string;
  status: string;
  outstandingCents: number;
}

/** The query string of a filter (also used for the CSV link, so the export is what is shown). */
export function filterParams(filters: InvoiceFilters): HttpParams {
  let params = new HttpParams();
  if (filters.period) params = params.set('period', filters.period);
  if (filters.status) params = params.set('status', filters.status);
  if (filters.family && filters.family.trim().length >= 2) params = params.set('family', filters.family.trim());
  if (filters.minCents !== undefined) params = params.set('minCents', filters.minCents);
  if (filters.maxCents !== undefined) params = params.set('maxCents', filters.maxCents);
  if (filters.overdue) params = params.set('overdue', 'true');
  return params;
}

/** Invoices for the finance office: list, one invoice, « Pourquoi ce montant ? », and the acts on an invoice. */
@Injectable({ providedIn: 'root' })
export class FinanceInvoicesService {
  private readonly http = inject(HttpClient);

  async list(filters: InvoiceFilters): Promise<InvoiceSummary[]> {
    return (await firstValueFrom(this.http.get<{ invoices: InvoiceSummary[] }>(`${API}/finance/invoices`, { params: filterParams(filters) }))).invoices;
  }

  invoice(invoiceId: string): Promise<FinanceInvoice> {
    return firstValueFrom(this.http.get<FinanceInvoice>(`${API}/invoices/${invoiceId}`));
  }

  explanation(invoiceId: string): Promise<InvoiceExplanation> {
    return firstValueFrom(this.http.get<InvoiceExplanation>(`${API}/finance/invoices/${invoiceId}/explanation`));
  }

  creditNote(invoiceId: string, body: { amountCents?: number; whole?: boolean; reissue?: boolean; reason: string }) {
    return firstValueFrom(
      this.http.post<InvoiceCommandResult & { creditNote?: { number: string } | null; correction?: { invoiceId: string } | null }>(
        `${API}/invoices/${invoiceId}/credit-notes`,
        body,
      ),
    );
  }

  deskPayment(invoiceId: string, body: { means: string; amountCents: number; paidOn?: string; reference?: string }) {
    return firstValueFrom(this.http.post<InvoiceCommandResult>(`${API}/invoices/${invoiceId}/payments`, body));
  }

  refund(invoiceId: string, body: { amountCents: number; reason: string }) {
    return firstValueFrom(this.http.post<InvoiceCommandResult>(`${API}/invoices/${invoiceId}/refunds`, body));
  }

  handOver(invoiceId: string) {
    return firstValueFrom(this.http.post<{ fileId: string; fileName: string; count: number }>(`${API}/invoices/${invoiceId}/collection`, {}));
  }

  rejectDebit(invoiceId: string, paymentId: string, reasonCode: string) {
    return firstValueFrom(this.http.post<InvoiceCommandResult>(`${API}/invoices/${invoiceId}/payments/${paymentId}/rejection`, { reasonCode }));
  }

  deskMeans(): Promise<string[]> {
    return firstValueFrom(this.http.get<{ desk: string[] }>(`${API}/finance/payment-means`)).then((r) => r.desk);
  }
}

/** « 12,50 » or « 12.5 » → 1250 cents; null when not an amount. */
export function centsOf(text: string): number | null {
  const normalised = text.replace(/\s/g, '').replace(',', '.');
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(normalised)) return null;
  return Math.round(Number(normalised) * 100);
}
