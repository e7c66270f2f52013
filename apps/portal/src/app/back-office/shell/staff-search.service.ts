import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { FamilySummaryView, InvoiceSummary } from '@ardoise/contracts';
import { firstValueFrom } from 'rxjs';
import { API } from '../../core/api';

/** Something that looks like (the start of) an invoice number: 2026-000123, 2026-12, 2026000123. */
export const INVOICE_NUMBER = /^\d{4}-?\d{0,6}$/;

export interface StaffSearchResult {
  families: FamilySummaryView[];
  invoices: InvoiceSummary[];
}

/** The back office's global search: families (name, child, e-mail) and invoices by number. */
@Injectable({ providedIn: 'root' })
export class StaffSearchService {
  private readonly http = inject(HttpClient);

  async search(q: string): Promise<StaffSearchResult> {
    const term = q.trim();
    const [families, invoices] = await Promise.all([
      firstValueFrom(this.http.get<FamilySummaryView[]>(`${API}/families`, { params: { q: term } })),
      INVOICE_NUMBER.test(term)
        ? firstValueFrom(this.http.get<{ invoices: InvoiceSummary[] }>(`${API}/invoices`, { params: { number: term } })).then((r) => r.invoices)
        : Promise.resolve([]),
    ]);
    return { families, invoices };
  }
}
