import { JsonPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { StateAtView, StateDiffView } from '@ardoise/contracts';
import { toApiError } from '../../../core/api-error';
import { BO_MESSAGES } from '../../../i18n/back-office/back-office-messages';
import { MESSAGES } from '../../../i18n/messages';
import { shortInstant } from '../../../shared/formats';
import { AuditApiService } from '../audit-api.service';
import { toInstant } from '../evenements/event-query';

/** A datetime-local value (the browser's time zone) for an ISO shortInstant. */
function localInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** /audit/etat: a stream's state as of an shortInstant (`?flux=&shortInstant=`), and the changes up to a second one (`&comparer=`). */
@Component({
  selector: 'ard-state-page',
  imports: [FormsModule, JsonPipe, MatButtonModule, MatFormFieldModule, MatInputModule, MatTableModule, RouterLink],
  templateUrl: './state-page.component.html',
  styles: `
    form {
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }
    .stream-field {
      min-width: 28rem;
    }
    pre {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      border: 1px solid #c4c7c5;
      padding: 0.5rem;
      max-height: 50vh;
      overflow: auto;
    }
    .value {
      font-family: monospace;
      font-size: 0.85rem;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .kind-added {
      background: #e3f2e6;
    }
    .kind-removed {
      background: #fbe4e4;
    }
    .kind-changed {
      background: #fff4d6;
    }
    .columns {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 1rem;
    }
    @media (max-width: 1100px) {
      .columns {
        grid-template-columns: 1fr;
      }
      .stream-field {
        min-width: 0;
        width: 100%;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatePageComponent {
  protected readonly t = inject(BO_MESSAGES);
  private readonly common = inject(MESSAGES);
  private readonly api = inject(AuditApiService);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  protected readonly shortInstant = shortInstant;
  protected readonly columns = ['kind', 'path', 'before', 'after'];

  protected form = { stream: '', at: localInput(new Date().toISOString()), compare: '' };
  protected readonly state = signal<StateAtView | null>(null);
  protected readonly diff = signal<StateDiffView | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly loading = signal(false);

  constructor() {
    this.route.queryParamMap.pipe(takeUntilDestroyed(inject(DestroyRef))).subscribe((query) => {
      const stream = query.get('flux')?.trim() ?? '';
      const at = query.get('instant') ?? '';
      const compare = query.get('comparer') ?? '';
      this.form = { stream, at: at ? localInput(at) : this.form.at, compare: compare ? localInput(compare) : '' };
      if (stream) void this.load(stream, at || new Date().toISOString(), compare);
    });
  }

  protected show(): void {
    const queryParams = {
      flux: this.form.stream.trim() || null,
      instant: toInstant(this.form.at) ?? null,
      comparer: toInstant(this.form.compare) ?? null,
    };
    void this.router.navigate([], { relativeTo: this.route, queryParams });
  }

  protected text(value: unknown): string {
    return value === undefined ? this.t.audit.state.absent : JSON.stringify(value, null, 1);
  }

  private async load(stream: string, at: string, compare: string): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    this.state.set(null);
    this.diff.set(null);
    try {
      if (compare) {
        // The earlier shortInstant first: the diff reads as « from … to ».
        const [from, to] = [at, compare].sort((a, b) => Date.parse(a) - Date.parse(b));
        const diff = await this.api.stateDiff(stream, from!, to!);
        this.diff.set(diff);
        this.state.set(diff.to);
      } else {
        this.state.set(await this.api.stateAt(stream, at));
      }
    } catch (error) {
      this.error.set(toApiError(error, this.common).title);
    } finally {
      this.loading.set(false);
    }
  }
}
