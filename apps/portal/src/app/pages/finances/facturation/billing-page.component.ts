import { ChangeDetectionStrategy, Component, inject, signal, type OnDestroy } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { BillingPreview, BillingRunProgress } from '@ardoise/contracts';
import { toApiError } from '../../../core/api-error';
import { BackOfficeContext } from '../../../back-office/shell/back-office-context';
import { euros, shortInstant, today, monthName } from '../../../shared/formats';
import { BO_MESSAGES } from '../../../i18n/back-office/back-office-messages';
import { MESSAGES } from '../../../i18n/messages';
import { BillingService } from './billing.service';

const POLL_MS = 500;

/** The month before today's (Paris): the one the town bills now. */
function previousMonth(): string {
  const [y, m] = today().split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * /finances/facturation: a dry run first (what would be issued, skipped and why — nothing
 * written), then the run itself with its progress polled, then its report.
 */
@Component({
  selector: 'ard-billing-page',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  templateUrl: './billing-page.component.html',
  styles: `
    dl.figures {
      display: grid;
      grid-template-columns: max-content auto;
      gap: 0.25rem 1rem;
    }
    dl.figures dt {
      font-weight: 600;
    }
    dl.figures dd {
      margin: 0;
    }
    progress {
      width: min(100%, 30rem);
      height: 1.25rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BillingPageComponent implements OnDestroy {
  protected readonly t = inject(BO_MESSAGES);
  private readonly common = inject(MESSAGES);
  private readonly billing = inject(BillingService);
  protected readonly context = inject(BackOfficeContext);
  protected readonly euros = euros;
  protected readonly shortInstant = shortInstant;

  protected period = previousMonth();
  protected readonly preview = signal<BillingPreview | null>(null);
  protected readonly run = signal<BillingRunProgress | null>(null);
  protected readonly runs = signal<BillingRunProgress[]>([]);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    void this.loadRuns();
  }

  ngOnDestroy(): void {
    clearTimeout(this.timer);
  }

  protected monthName(period: string): string {
    return monthName(period);
  }

  protected previewCsv(): string {
    return this.billing.previewCsvUrl(this.preview()?.period ?? this.period);
  }

  protected runsCsv(): string {
    return this.billing.runsCsvUrl();
  }

  protected async simulate(): Promise<void> {
    await this.attempt(async () => {
      this.run.set(null);
      this.preview.set(await this.billing.preview(this.period));
    });
  }

  protected async start(): Promise<void> {
    if (!window.confirm(this.t.billing.confirmRun(this.monthName(this.period)))) return;
    await this.attempt(async () => {
      this.run.set(await this.billing.start(this.period));
      this.poll();
    });
  }

  private poll(): void {
    const current = this.run();
    if (!current || current.status !== 'running') {
      void this.loadRuns();
      return;
    }
    this.timer = setTimeout(async () => {
      try {
        this.run.set(await this.billing.progress(current.runId));
      } catch (error) {
        this.error.set(toApiError(error, this.common).title);
        return;
      }
      this.poll();
    }, POLL_MS);
  }

  private async loadRuns(): Promise<void> {
    try {
      this.runs.set(await this.billing.runs());
    } catch (error) {
      this.error.set(toApiError(error, this.common).title);
    }
  }

  private async attempt(action: () => Promise<void>): Promise<void> {
    this.error.set(null);
    this.busy.set(true);
    try {
      await action();
    } catch (error) {
      this.error.set(toApiError(error, this.common).title);
    } finally {
      this.busy.set(false);
    }
  }
}
