import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { BillingPreview, BillingRunProgress } from '@ardoise/contracts';
import { firstValueFrom } from 'rxjs';
import { API } from '../../../core/api';

@Injectable({ providedIn: 'root' })
export class BillingService {
  private readonly http = inject(HttpClient);

  preview(period: string): Promise<BillingPreview> {
    return firstValueFrom(this.http.get<BillingPreview>(`${API}/billing-previews`, { params: { period } }));
  }

  start(period: string): Promise<BillingRunProgress> {
    return firstValueFrom(this.http.post<BillingRunProgress>(`${API}/billing-runs`, { period }));
  }

  progress(runId: string): Promise<BillingRunProgress> {
    return firstValueFrom(this.http.get<BillingRunProgress>(`${API}/billing-runs/${runId}`));
  }

  runs(period?: string): Promise<BillingRunProgress[]> {
    const params: Record<string, string> = period ? { period } : {};
    return firstValueFrom(this.http.get<{ runs: BillingRunProgress[] }>(`${API}/billing-runs`, { params })).then((r) => r.runs);
  }

  previewCsvUrl(period: string): string {
    return `${API}/billing-previews?${new URLSearchParams({ period, format: 'csv' })}`;
  }

  runsCsvUrl(period?: string): string {
    return `${API}/billing-runs?${new URLSearchParams(period ? { period, format: 'csv' } : { format: 'csv' })}`;
  }
}
