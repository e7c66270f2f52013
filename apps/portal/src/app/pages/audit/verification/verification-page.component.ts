import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { AuditJobView, ChainProgressView, ChainReportView, ReadModelProgressView, ReadModelReportView } from '@ardoise/contracts';
import { toApiError } from '../../../core/api-error';
import { BO_MESSAGES } from '../../../i18n/back-office/back-office-messages';
import { MESSAGES } from '../../../i18n/messages';
import { shortInstant } from '../../../shared/formats';
import { AuditApiService } from '../audit-api.service';

const POLL_MS = 500;

/** The verdict words of a finished job (a symbol and words, never a colour alone). */
export function verdictOf(job: AuditJobView): string {
  if (job.status === 'running') return 'running';
  if (job.status === 'failed' || job.status === 'interrupted') return job.status;
  const ok = (job.result as { ok?: boolean } | null)?.ok === true;
  return job.kind === 'verify-chain' ? (ok ? 'intact' : 'broken') : ok ? 'equal' : 'different';
}

/**
 * /audit/verification: « vérifier la chaîne » and « vérifier les modèles de lecture », with
 * their progress (the job's, polled while it runs), the first broken link or the differing
 * tables, and the dated, signed report to download.
 */
@Component({
  selector: 'ard-verification-page',
  imports: [MatButtonModule],
  templateUrl: './verification-page.component.html',
  styles: `
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem;
    }
    .action {
      flex: 1 1 20rem;
      border: 1px solid #c4c7c5;
      padding: 0.75rem;
    }
    progress {
      width: 100%;
      height: 1rem;
    }
    .mono {
      font-family: monospace;
      font-size: 0.85rem;
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VerificationPageComponent {
  protected readonly t = inject(BO_MESSAGES);
  private readonly common = inject(MESSAGES);
  private readonly api = inject(AuditApiService);
  protected readonly shortInstant = shortInstant;
  protected readonly verdictOf = verdictOf;

  protected readonly job = signal<AuditJobView | null>(null);
  protected readonly history = signal<AuditJobView[]>([]);
  protected readonly error = signal<string | null>(null);
  protected readonly running = computed(() => this.job()?.status === 'running');
  private timer: ReturnType<typeof setTimeout> | undefined;

  protected readonly chainProgress = computed(() => (this.job()?.kind === 'verify-chain' ? (this.job()!.progress as ChainProgressView | null) : null));
  protected readonly readModelProgress = computed(() =>
    this.job()?.kind === 'verify-read-models' ? (this.job()!.progress as ReadModelProgressView | null) : null,
  );
  protected readonly chainResult = computed(() =>
    this.job()?.kind === 'verify-chain' && this.job()!.status === 'succeeded' ? (this.job()!.result as ChainReportView) : null,
  );
  protected readonly readModelResult = computed(() =>
    this.job()?.kind === 'verify-read-models' && this.job()!.status === 'succeeded' ? (this.job()!.result as ReadModelReportView) : null,
  );

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
    void this.loadHistory();
  }

  protected async start(kind: 'chain' | 'read-models'): Promise<void> {
    this.error.set(null);
    try {
      this.job.set(await this.api.startVerification(kind));
      this.follow();
    } catch (error) {
      this.error.set(toApiError(error, this.common).title);
    }
  }

  protected reportUrl(job: AuditJobView): string {
    return this.api.reportUrl(job.id);
  }

  protected percent(progress: ChainProgressView): number | null {
    return progress.estimatedTotal ? Math.min(100, Math.round((progress.eventsChecked * 100) / progress.estimatedTotal)) : null;
  }

  protected differingTables(result: ReadModelReportView) {
    return result.projections.flatMap((p) => p.tables.filter((t) => !t.equal));
  }

  private follow(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(async () => {
      const current = this.job();
      if (!current) return;
      try {
        const job = await this.api.job(current.id);
        this.job.set(job);
        if (job.status === 'running') this.follow();
        else void this.loadHistory();
      } catch (error) {
        this.error.set(toApiError(error, this.common).title);
      }
    }, POLL_MS);
  }

  private async loadHistory(): Promise<void> {
    try {
      this.history.set((await this.api.jobs()).filter((j) => j.kind !== 'rebuild'));
    } catch (error) {
      this.error.set(toApiError(error, this.common).title);
    }
  }
}
