import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject } from '@angular/core';
import type { HealthReport } from '@ardoise/contracts';
import { MESSAGES } from '../i18n/messages';
import { isHealthReport, statusSymbol, toHealthView } from './health-view';

/** How often the panel asks again, so a parent who leaves the tab open sees a recovery. */
const REFRESH_EVERY_MS = 30_000;

@Component({
  selector: 'ard-health-status',
  templateUrl: './health-status.component.html',
  styleUrl: './health-status.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HealthStatusComponent {
  protected readonly t = inject(MESSAGES);
  protected readonly symbol = statusSymbol;

  private readonly health = httpResource<HealthReport>(() => '/api/v1/health', {
    parse: (body) => {
      if (!isHealthReport(body)) throw new Error('Unexpected /api/v1/health body');
      return body;
    },
  });

  protected readonly view = computed(() =>
    toHealthView(this.health.hasValue() ? this.health.value() : undefined, this.health.error()),
  );
  protected readonly busy = computed(() => this.health.isLoading());

  constructor() {
    const timer = setInterval(() => this.refresh(), REFRESH_EVERY_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  protected refresh(): void {
    if (!this.health.isLoading()) this.health.reload();
  }
}
