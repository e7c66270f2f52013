import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { DashboardChart, FinanceDashboard } from '@ardoise/contracts';
import { firstValueFrom } from 'rxjs';
import { API } from '../../../core/api';

@Injectable({ providedIn: 'root' })
export class FinanceDashboardService {
  private readonly http = inject(HttpClient);

  load(from: string, to: string): Promise<FinanceDashboard> {
    return firstValueFrom(this.http.get<FinanceDashboard>(`${API}/finance/dashboard`, { params: { from, to } }));
  }

  /** The French CSV of one chart, as the API makes it. */
  csvUrl(chart: DashboardChart, from: string, to: string): string {
    return `${API}/finance/dashboard?${new URLSearchParams({ from, to, format: 'csv', chart })}`;
  }
}
