import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ExplainedEvent } from '@ardoise/contracts';
import { BO_MESSAGES } from '../../../i18n/back-office/back-office-messages';
import { BackOfficeContext } from '../../../back-office/shell/back-office-context';
import { shortInstant } from '../../../shared/formats';

/** One event of the log, opened from « Pourquoi ce montant ? »: its type, stream, dates and data. */
@Component({
  selector: 'ard-event-panel',
  imports: [RouterLink],
  template: `
    <aside class="event-panel" aria-labelledby="event-heading" data-testid="event-panel">
      <h2 id="event-heading" tabindex="-1">{{ t.eventHeading(event().type) }}</h2>
      <p>{{ event().summary }}</p>
      <dl class="facts">
        <dt>{{ t.eventFields.type }}</dt>
        <dd data-testid="event-type">{{ event().type }}</dd>
        <dt>{{ t.eventFields.stream }}</dt>
        <dd data-testid="event-stream">{{ event().streamId }}</dd>
        <dt>{{ t.eventFields.revision }}</dt>
        <dd>{{ event().revision }}</dd>
        <dt>{{ t.eventFields.id }}</dt>
        <dd data-testid="event-id">{{ event().eventId }}</dd>
        <dt>{{ t.eventFields.position }}</dt>
        <dd>{{ event().position }}</dd>
        <dt>{{ t.eventFields.occurredAt }}</dt>
        <dd>{{ shortInstant(event().occurredAt) }}</dd>
        <dt>{{ t.eventFields.recordedAt }}</dt>
        <dd>{{ shortInstant(event().recordedAt) }}</dd>
        <dt>{{ t.eventFields.actor }}</dt>
        <dd>{{ event().actorRole }}</dd>
      </dl>
      <h3>{{ t.eventFields.data }}</h3>
      <dl class="facts" data-testid="event-data">
        @for (entry of data(); track entry[0]) {
          <dt>{{ entry[0] }}</dt>
          <dd>
            <code>{{ entry[1] }}</code>
          </dd>
        }
      </dl>
      @if (event().redacted.length) {
        <p>
          <span class="bo-badge bo-badge-info">🔒 {{ t.redacted(event().redacted.join(', ')) }}</span>
        </p>
      }
      <p class="no-print">
        <a routerLink="." [queryParams]="{ evenement: null }" queryParamsHandling="merge">{{ t.closeEvent }}</a>
        @if (mayAudit()) {
          · <a routerLink="/audit/evenements" [queryParams]="{ evenement: event().eventId }" data-testid="event-audit-link">{{ t.auditLink }}</a>
        }
      </p>
    </aside>
  `,
  styles: `
    .event-panel {
      border: 2px solid var(--ard-primary, #1f3a5f);
      border-radius: 6px;
      padding: 0.75rem 1rem;
      margin: 1rem 0;
      background: #f8fafd;
    }
    .facts {
      display: grid;
      grid-template-columns: max-content auto;
      gap: 0.25rem 1.5rem;
      margin: 0.5rem 0;
    }
    .facts dt {
      font-weight: 600;
    }
    .facts dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EventPanelComponent {
  protected readonly t = inject(BO_MESSAGES).financeInvoices;
  private readonly context = inject(BackOfficeContext);
  protected readonly shortInstant = shortInstant;
  readonly event = input.required<ExplainedEvent>();
  protected readonly data = computed(() => Object.entries(this.event().data).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)] as const));
  /** The audit journal is for the auditor and the administrator (the /audit area). */
  protected readonly mayAudit = computed(() => this.context.mayRead('audit'));
}
