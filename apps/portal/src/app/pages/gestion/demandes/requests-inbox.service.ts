import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { RequestSummaryView, RequestThreadView } from '@ardoise/contracts';
import { firstValueFrom } from 'rxjs';
import { API } from '../../../core/api';

/** The requests of every family, as agents handle them. */
@Injectable({ providedIn: 'root' })
export class RequestsInboxService {
  private readonly http = inject(HttpClient);

  list(status: string): Promise<RequestSummaryView[]> {
    return firstValueFrom(this.http.get<RequestSummaryView[]>(`${API}/requests`, { params: status ? { status } : {} }));
  }

  thread(id: string): Promise<RequestThreadView> {
    return firstValueFrom(this.http.get<RequestThreadView>(`${API}/requests/${id}`));
  }

  reply(id: string, body: string): Promise<unknown> {
    return firstValueFrom(this.http.post(`${API}/requests/${id}/messages`, { body }));
  }

  attach(id: string, file: File): Promise<unknown> {
    const form = new FormData();
    form.append('file', file, file.name);
    return firstValueFrom(this.http.post(`${API}/requests/${id}/attachments`, form));
  }

  setOpen(id: string, open: boolean): Promise<unknown> {
    return firstValueFrom(this.http.post(`${API}/requests/${id}/${open ? 'reopen' : 'close'}`, {}));
  }

  setQuotient(id: string, body: { amount: number; validFrom: string; validUntil: string }): Promise<unknown> {
    return firstValueFrom(this.http.post(`${API}/requests/${id}/quotient`, body));
  }
}
