import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { RequestSummaryView, RequestThreadView } from '@ardoise/contracts';
import { firstValueFrom } from 'rxjs';
import { API } from '../../core/api';

/** Mes demandes over HTTP. */
@Injectable({ providedIn: 'root' })
export class RequestsService {
  private readonly http = inject(HttpClient);

  list(): Promise<RequestSummaryView[]> {
    return firstValueFrom(this.http.get<RequestSummaryView[]>(`${API}/requests`));
  }

  thread(id: string): Promise<RequestThreadView> {
    return firstValueFrom(this.http.get<RequestThreadView>(`${API}/requests/${id}`));
  }

  /** Opens a request; with a file, both travel in one multipart request: accepted together or refused together. */
  open(body: { topic: string; subject: string; body: string }, file: File | null = null): Promise<{ requestId: string }> {
    if (!file) return firstValueFrom(this.http.post<{ requestId: string }>(`${API}/requests`, body));
    const form = new FormData();
    for (const [name, value] of Object.entries(body)) form.append(name, value);
    form.append('file', file, file.name);
    return firstValueFrom(this.http.post<{ requestId: string }>(`${API}/requests`, form));
  }

  post(id: string, body: string): Promise<unknown> {
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
}
