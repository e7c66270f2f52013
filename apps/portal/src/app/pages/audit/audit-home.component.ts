import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { API } from '../../core/api';
import { BO_MESSAGES } from '../../i18n/back-office/back-office-messages';
import { AreaHomeComponent } from '../../back-office/shell/area-home.component';
import { shortInstant } from '../../shared/formats';

interface RecentEvent {
  id: string;
  type: string;
  streamId: string;
  recordedAt: string;
  metadata: { actor?: { userId?: string; role?: string } };
}

/** The auditor's home until the audit screens come: the latest events of the log, read-only. */
@Component({
  selector: 'ard-audit-home',
  imports: [AreaHomeComponent],
  template: `
    <ard-area-home>
      <p>{{ t.placeholders.audit }}</p>
      <h2 id="recent-events">{{ t.placeholders.recentEvents }}</h2>
      <table class="bo-simple-table" aria-labelledby="recent-events">
        <thead>
          <tr>
            <th scope="col">{{ t.placeholders.recordedAt }}</th>
            <th scope="col">{{ t.placeholders.event }}</th>
            <th scope="col">{{ t.placeholders.stream }}</th>
            <th scope="col">{{ t.placeholders.actor }}</th>
          </tr>
        </thead>
        <tbody>
          @for (e of events(); track e.id) {
            <tr>
              <td>{{ shortInstant(e.recordedAt) }}</td>
              <th scope="row">{{ e.type }}</th>
              <td>{{ e.streamId }}</td>
              <td>{{ e.metadata.actor?.role ?? '' }}</td>
            </tr>
          }
        </tbody>
      </table>
      <p>
        <a [href]="api + '/audit/export'" download>NDJSON</a> ·
        <a href="/api/docs" target="_blank" rel="noopener">{{ t.placeholders.apiDocs }}</a>
      </p>
    </ard-area-home>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditHomeComponent {
  protected readonly t = inject(BO_MESSAGES);
  protected readonly api = API;
  protected readonly shortInstant = shortInstant;
  protected readonly events = signal<RecentEvent[]>([]);

  constructor() {
    const http = inject(HttpClient);
    firstValueFrom(http.get<{ events: RecentEvent[] }>(`${API}/audit/events`, { params: { direction: 'backwards', limit: 20 } })).then(
      (page) => this.events.set(page.events),
      () => this.events.set([]),
    );
  }
}
