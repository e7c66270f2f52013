import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { NewsListView, ServiceView } from '@ardoise/contracts';
import { firstValueFrom } from 'rxjs';
import { API } from '../../../core/api';

export interface NewsDraft {
  kind: 'message' | 'menu';
  title: string;
  body: string;
  audience: { scope: 'all' } | { scope: 'school'; school: string } | { scope: 'service'; serviceCode: string };
  visibleFrom?: string;
  visibleUntil?: string;
  week?: string;
}

@Injectable({ providedIn: 'root' })
export class NewsEditorService {
  private readonly http = inject(HttpClient);

  list(): Promise<NewsListView> {
    return firstValueFrom(this.http.get<NewsListView>(`${API}/news`));
  }

  services(): Promise<ServiceView[]> {
    return firstValueFrom(this.http.get<ServiceView[]>(`${API}/catalogue/services`));
  }

  publish(draft: NewsDraft): Promise<{ newsId: string }> {
    return firstValueFrom(this.http.post<{ newsId: string }>(`${API}/news`, draft));
  }

  withdraw(id: string, reason: string): Promise<unknown> {
    return firstValueFrom(this.http.post(`${API}/news/${id}/withdraw`, reason ? { reason } : {}));
  }
}
