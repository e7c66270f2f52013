import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { AdminHealth } from '@ardoise/contracts';
import { toApiError } from '../../../core/api-error';
import { BackOfficeContext } from '../../../back-office/shell/back-office-context';
import { shortInstant } from '../../../shared/formats';
import { BO_MESSAGES } from '../../../i18n/back-office/back-office-messages';
import { MESSAGES } from '../../../i18n/messages';
import { AdminService, type RebuildJob } from '../admin.service';
import { LagChartComponent } from './lag-chart.component';

const REFRESH_MS = 15_000;
const JOB_POLL_MS = 1_000;

/**
 * /admin/sante: the projections' state and lag over the last hour, the event log, the outbox,
 * the scheduled jobs, and rebuilding a projection while following its progress.
 */
@Component({
  selector: 'ard-health-page',
  imports: [MatButtonModule, LagChartComponent],
  templateUrl: './health-page.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HealthPageComponent {
  protected readonly t = inject(BO_MESSAGES);
  protected readonly h = this.t.admin.health;
  private readonly common = inject(MESSAGES);
  private readonly admin = inject(AdminService);
  protected readonly context = inject(BackOfficeContext);
  protected readonly shortInstant = shortInstant;
  protected readonly outboxKeys = ['pending', 'held', 'failed', 'sent'] as const;

  protected readonly health = signal<AdminHealth | null>(null);
  protected readonly refreshedAt = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly rebuild = signal<{ projection: string; job: RebuildJob } | null>(null);
  private jobTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    void this.load();
    const timer = setInterval(() => void this.load(), REFRESH_MS);
    inject(DestroyRef).onDestroy(() => {
      clearInterval(timer);
      clearTimeout(this.jobTimer);
    });
  }

  protected async load(): Promise<void> {
    try {
      this.health.set(await this.admin.health());
      this.refreshedAt.set(new Date().toISOString());
      this.error.set(null);
    } catch (error) {
      this.error.set(toApiError(error, this.common).title);
    }
  }

  protected async startRebuild(projection: string): Promise<void> {
    try {
      const job = await this.admin.startRebuild(projection);
      this.rebuild.set({ projection, job });
      this.follow(job.id);
    } catch (error) {
      this.error.set(toApiError(error, this.common).title);
    }
  }

  protected progressOf(job: RebuildJob): { done: number; total: number | null } {
    return { done: job.progress?.eventsApplied ?? 0, total: job.progress?.estimatedTotal ?? null };
  }

  private follow(id: string): void {
    this.jobTimer = setTimeout(async () => {
      try {
        const job = await this.admin.job(id);
        this.rebuild.update((r) => (r ? { ...r, job } : r));
        if (job.status === 'running') this.follow(id);
        else void this.load();
      } catch (error) {
        this.error.set(toApiError(error, this.common).title);
      }
    }, JOB_POLL_MS);
  }
}
