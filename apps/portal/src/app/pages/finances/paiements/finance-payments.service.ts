import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { InvoiceSummary } from '@ardoise/contracts';
import { firstValueFrom } from 'rxjs';
import { API } from '../../../core/api';

export interface PaymentRow {
  paymentId: string;
  invoiceId: string;
  invoiceNumber: string;
  familyId: string;
  means: string;
  amountCents: number;
  paidOn: string;
  reference: string | null;
  status: string;
  reversedOn: string | null;
}
export interface PayfipOperation {
  operationId: string;
  invoiceId: string;
  invoiceNumber: string;
  familyName: string | null;
  amountCents: number;
  status: string;
  detail: string | null;
  createdAt: string;
}
export interface RepairRun {
  trigger: string;
  startedAt: string;
  finishedAt: string;
  checked: number;
  settled: number;
  error: string | null;
}
export interface Mandate {
  familyId: string;
  familyName: string | null;
  mandateReference: string;
  signedOn: string;
  active: boolean;
  revokedOn: string | null;
}
export interface FinanceFile {
  fileId: string;
  kind: string;
  fileName: string;
  summary: { count?: number; totalCents?: number };
  createdAt: string;
}

export const paymentsParams = (f: { from?: string; to?: string; means?: string }) => {
  let params = new HttpParams();
  if (f.from) params = params.set('from', f.from);
  if (f.to) params = params.set('to', f.to);
  if (f.means) params = params.set('means', f.means);
  return params;
};

/** The payments page's reads and commands (desk payments and rejections go through FinanceInvoicesService). */
@Injectable({ providedIn: 'root' })
export class FinancePaymentsService {
  private readonly http = inject(HttpClient);

  async payments(filter: { from?: string; to?: string; means?: string }): Promise<PaymentRow[]> {
    return (await firstValueFrom(this.http.get<{ payments: PaymentRow[] }>(`${API}/finance/payments`, { params: paymentsParams(filter) }))).payments;
  }

  async invoicesNumbered(number: string): Promise<InvoiceSummary[]> {
    return (await firstValueFrom(this.http.get<{ invoices: InvoiceSummary[] }>(`${API}/invoices`, { params: { number } }))).invoices;
  }

  payfip(status?: string) {
    return firstValueFrom(
      this.http.get<{ operations: PayfipOperation[]; lastRepair: RepairRun | null }>(`${API}/finance/payfip/operations`, { params: status ? { status } : {} }),
    );
  }

  repair() {
    return firstValueFrom(this.http.post<{ checked: number; settled: number }>(`${API}/finance/payfip/repair`, {}));
  }

  collectDirectDebits(date: string) {
    return firstValueFrom(
      this.http.post<{ fileId: string; fileName: string; count: number; totalCents: number; report: string[] }>(`${API}/finance/direct-debits`, { date }),
    );
  }

  async files(): Promise<FinanceFile[]> {
    return (await firstValueFrom(this.http.get<{ files: FinanceFile[] }>(`${API}/finance/files`))).files;
  }

  async mandates(): Promise<Mandate[]> {
    return (await firstValueFrom(this.http.get<{ mandates: Mandate[] }>(`${API}/finance/mandates`))).mandates;
  }
}
