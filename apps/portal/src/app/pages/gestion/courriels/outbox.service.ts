import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { OutboxDeliveryView, OutboxMailSummary, OutboxMailView, Page } from '@ardoise/contracts';
import { firstValueFrom } from 'rxjs';
import { API } from '../../../core/api';

@Injectable({ providedIn: 'root' })
export class OutboxService {
  private readonly http = inject(HttpClient);

  delivery(): Promise<OutboxDeliveryView> {
    return firstValueFrom(this.http.get<OutboxDeliveryView>(`${API}/outbox/delivery`));
  }

  list(filter: { status?: string; to?: string; page: number; pageSize: number }): Promise<Page<OutboxMailSummary>> {
    const params: Record<string, string> = { page: String(filter.page), pageSize: String(filter.pageSize) };
    if (filter.status) params['status'] = filter.status;
    if (filter.to) params['to'] = filter.to;
    return firstValueFrom(this.http.get<Page<OutboxMailSummary>>(`${API}/outbox`, { params }));
  }

  get(id: string): Promise<OutboxMailView> {
    return firstValueFrom(this.http.get<OutboxMailView>(`${API}/outbox/${id}`));
  }

  resend(id: string): Promise<{ released: number }> {
    return firstValueFrom(this.http.post<{ released: number }>(`${API}/outbox/${id}/resend`, {}));
  }

  resendAllHeld(): Promise<{ released: number }> {
    return firstValueFrom(this.http.post<{ released: number }>(`${API}/outbox/held/resend`, {}));
  }
}
