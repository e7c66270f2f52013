import { JsonPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { ERASED_PERSONAL_DATA_TEXT, type AuditedEventView, type CausationChainView } from '@ardoise/contracts';
import { toApiError } from '../../../core/api-error';
import { BO_MESSAGES } from '../../../i18n/back-office/back-office-messages';
import { MESSAGES } from '../../../i18n/messages';
import { shortInstant } from '../../../shared/formats';
import { AuditApiService } from '../audit-api.service';

/** One event: its data, metadata and hashes; from it, its stream's timeline and its causation chain. */
@Component({
  selector: 'ard-event-detail',
  imports: [JsonPipe, MatButtonModule, RouterLink],
  templateUrl: './event-detail.component.html',
  styles: `
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.2rem 1rem;
      margin: 0 0 1rem;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .mono {
      font-family: monospace;
      font-size: 0.85rem;
    }
    pre {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      border: 1px solid #c4c7c5;
      padding: 0.5rem;
      max-height: 40vh;
      overflow: auto;
    }
    .links {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
    }
    .chain {
      list-style: none;
      padding: 0;
    }
    .chain li {
      padding: 0.2rem 0;
      border-bottom: 1px solid #e0e3e1;
    }
    .chain .depth {
      font-family: monospace;
      white-space: pre;
    }
    .current {
      font-weight: 600;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EventDetailComponent {
  readonly eventId = input.required<string>();
  readonly closed = output<void>();
  protected readonly t = inject(BO_MESSAGES);
  private readonly common = inject(MESSAGES);
  private readonly api = inject(AuditApiService);
  protected readonly shortInstant = shortInstant;
  protected readonly event = signal<AuditedEventView | null>(null);
  protected readonly chain = signal<CausationChainView | null>(null);
  protected readonly error = signal<string | null>(null);

  constructor() {
    effect(() => {
      const id = this.eventId();
      this.event.set(null);
      this.chain.set(null);
      this.error.set(null);
      this.api.event(id).then(
        (event) => this.eventId() === id && this.event.set(event),
        (error: unknown) => this.eventId() === id && this.error.set(toApiError(error, this.common).title),
      );
    });
  }

  protected erased(event: AuditedEventView): boolean {
    return JSON.stringify(event.data ?? null).includes(ERASED_PERSONAL_DATA_TEXT);
  }

  protected async showChain(): Promise<void> {
    try {
      this.chain.set(await this.api.causation(this.eventId()));
    } catch (error) {
      this.error.set(toApiError(error, this.common).title);
    }
  }

  protected typeOf(chain: CausationChainView, id: string | null): string {
    return chain.events.find((e) => e.id === id)?.type ?? '';
  }

  protected indent(depth: number): string {
    return depth === 0 ? '' : `${'   '.repeat(depth - 1)}└─ `;
  }
}
