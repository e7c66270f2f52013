import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CollectionSummary, ReconciliationReport } from '@ardoise/contracts';
import { firstValueFrom } from 'rxjs';
import { API } from '../../../core/api';

@Injectable({ providedIn: 'root' })
export class ReconciliationService {
  private readonly http = inject(HttpClient);

  reconcile(asOf: string): Promise<ReconciliationReport> {
    return firstValueFrom(this.http.get<ReconciliationReport>(`${API}/finance/reconciliation`, { params: { asOf } }));
  }

  collectionSummary(month: string): Promise<CollectionSummary> {
    return firstValueFrom(this.http.get<CollectionSummary>(`${API}/finance/collection-summary`, { params: { month } }));
  }

  reconciliationCsvUrl(asOf: string, view: 'families' | 'differences'): string {
    return `${API}/finance/reconciliation?${new URLSearchParams({ asOf, format: 'csv', view })}`;
  }

  collectionSummaryCsvUrl(month: string): string {
    return `${API}/finance/collection-summary?${new URLSearchParams({ month, format: 'csv' })}`;
  }
}
