import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AuditJobView, AuditedEventView, CausationChainView, EventPageView, StateAtView, StateDiffView } from '@ardoise/contracts';
import { firstValueFrom } from 'rxjs';
import { API } from '../../core/api';

/** Filters of the event browser, as the API names them. */
export interface EventFilters {
  category?: string;
  type?: string;
  actor?: string;
  onBehalfOf?: string;
  correlationId?: string;
  stream?: string;
  mentions?: string;
  from?: string;
  to?: string;
}

const params = (values: Record<string, string | number | undefined>) =>
  Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string>;

/** The audit API, read-only but for starting a verification (which changes no data). */
@Injectable({ providedIn: 'root' })
export class AuditApiService {
  private readonly http = inject(HttpClient);

  /** One page of the whole log, by position (keyset), or of one stream by revision. */
  page(filters: EventFilters, direction: 'forwards' | 'backwards', after: string | null, limit: number, streamId?: string): Promise<EventPageView> {
    const query = params({ ...filters, direction, limit, after: after ?? undefined });
    const url = streamId ? `${API}/audit/streams/${encodeURIComponent(streamId)}/events` : `${API}/audit/events`;
    return firstValueFrom(this.http.get<EventPageView>(url, { params: query }));
  }

  event(id: string): Promise<AuditedEventView> {
    return firstValueFrom(this.http.get<AuditedEventView>(`${API}/audit/events/${encodeURIComponent(id)}`));
  }

  causation(id: string): Promise<CausationChainView> {
    return firstValueFrom(this.http.get<CausationChainView>(`${API}/audit/events/${encodeURIComponent(id)}/causation`));
  }

  stateAt(streamId: string, at: string): Promise<StateAtView> {
    return firstValueFrom(this.http.get<StateAtView>(`${API}/audit/streams/${encodeURIComponent(streamId)}/state`, { params: { at } }));
  }

  stateDiff(streamId: string, from: string, to: string): Promise<StateDiffView> {
    return firstValueFrom(this.http.get<StateDiffView>(`${API}/audit/streams/${encodeURIComponent(streamId)}/state`, { params: { from, to } }));
  }

  startVerification(kind: 'chain' | 'read-models'): Promise<AuditJobView> {
    return firstValueFrom(this.http.post<AuditJobView>(`${API}/audit/verifications`, { kind }));
  }

  job(id: string): Promise<AuditJobView> {
    return firstValueFrom(this.http.get<AuditJobView>(`${API}/audit/jobs/${id}`));
  }

  jobs(): Promise<AuditJobView[]> {
    return firstValueFrom(this.http.get<AuditJobView[]>(`${API}/audit/jobs`));
  }

  /** The NDJSON export's URL for these filters or this stream (a plain download: the browser streams it to disk). */
  exportUrl(filters: EventFilters, streamId?: string): string {
    const query = streamId ? params({ stream: streamId }) : params({ category: filters.category, type: filters.type, from: filters.from, to: filters.to });
    const search = new URLSearchParams(query).toString();
    return `${API}/audit/export${search ? `?${search}` : ''}`;
  }

  reportUrl(jobId: string): string {
    return `${API}/audit/jobs/${jobId}/report`;
  }
}
