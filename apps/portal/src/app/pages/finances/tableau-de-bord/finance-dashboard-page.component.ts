import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { DashboardChart, FinanceDashboard } from '@ardoise/contracts';
import { API } from '../../../core/api';
import { toApiError } from '../../../core/api-error';
import { AreaHomeComponent } from '../../../back-office/shell/area-home.component';
import { euros, numericDate, today } from '../../../shared/formats';
import { BO_MESSAGES } from '../../../i18n/back-office/back-office-messages';
import { MESSAGES } from '../../../i18n/messages';
import { ChartCanvasComponent, type FinanceChartConfig } from './chart-canvas.component';
import { FinanceDashboardService } from './finance-dashboard.service';

// Two hues apart in lightness (readable in grey too); the tables carry the numbers anyway.
const DARK = '#1f3a5f';
const LIGHT = '#8fb3d9';
const THIRD = '#c8a415';

const monthShift = (month: string, delta: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + m - 1 + delta;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};

/** /finances: the area's pages, then the dashboard (each chart with its table and its CSV), then the raw exports. */
@Component({
  selector: 'ard-finance-dashboard-page',
  imports: [AreaHomeComponent, ChartCanvasComponent, FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  templateUrl: './finance-dashboard-page.component.html',
  styles: `
    .charts {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 30rem), 1fr));
      gap: 1.5rem;
      margin-top: 1rem;
    }
    figure {
      margin: 0;
      padding: 1rem;
      border: 1px solid var(--ard-border);
      border-radius: 0.5rem;
      min-width: 0;
    }
    figcaption h3 {
      margin: 0 0 0.5rem;
      font-size: 1.0625rem;
    }
    details {
      margin-top: 0.75rem;
    }
    summary {
      cursor: pointer;
    }
    .period {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      align-items: baseline;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FinanceDashboardPageComponent {
  protected readonly t = inject(BO_MESSAGES);
  private readonly common = inject(MESSAGES);
  private readonly service = inject(FinanceDashboardService);
  protected readonly api = API;
  protected readonly euros = euros;
  protected readonly numericDate = numericDate;

  protected to = today().slice(0, 7);
  protected from = monthShift(this.to, -11);
  protected readonly data = signal<FinanceDashboard | null>(null);
  protected readonly error = signal<string | null>(null);

  protected readonly billedCollected = computed<FinanceChartConfig | null>(() => {
    const d = this.data();
    if (!d) return null;
    const c = this.t.financeDashboard.charts.billedCollected;
    return {
      type: 'bar',
      data: {
        labels: d.billedCollected.map((m) => m.month),
        datasets: [
          { label: c.billed, data: d.billedCollected.map((m) => m.billedCents / 100), backgroundColor: DARK },
          { label: c.collected, data: d.billedCollected.map((m) => m.collectedCents / 100), backgroundColor: LIGHT },
        ],
      },
    };
  });

  protected readonly outstandingByAge = computed<FinanceChartConfig | null>(() => {
    const d = this.data();
    if (!d) return null;
    const c = this.t.financeDashboard.charts.outstandingByAge;
    return {
      type: 'bar',
      data: {
        labels: d.outstandingByAge.map((b) => c.buckets[b.bucket] ?? b.bucket),
        datasets: [{ label: c.outstanding, data: d.outstandingByAge.map((b) => b.outstandingCents / 100), backgroundColor: DARK }],
      },
      options: { plugins: { legend: { display: false } } },
    };
  });

  protected readonly paymentsByChannel = computed<FinanceChartConfig | null>(() => {
    const d = this.data();
    if (!d) return null;
    const c = this.t.financeDashboard.charts.paymentsByChannel;
    return {
      type: 'doughnut',
      data: {
        labels: d.paymentsByChannel.map((p) => c.channels[p.channel] ?? p.channel),
        datasets: [{ label: c.amount, data: d.paymentsByChannel.map((p) => p.amountCents / 100), backgroundColor: [DARK, LIGHT, THIRD] }],
      },
    };
  });

  protected readonly cantine = computed<FinanceChartConfig | null>(() => {
    const d = this.data();
    if (!d) return null;
    const c = this.t.financeDashboard.charts.cantine;
    return {
      type: 'bar',
      data: {
        labels: d.cantineAUnEuro.map((m) => m.month),
        datasets: [
          { label: c.atOne, data: d.cantineAUnEuro.map((m) => m.mealsAtOneEuro), backgroundColor: DARK },
          { label: c.other, data: d.cantineAUnEuro.map((m) => m.otherMeals), backgroundColor: LIGHT },
        ],
      },
      options: { scales: { x: { stacked: true }, y: { stacked: true } } },
    };
  });

  protected readonly occupancy = computed<FinanceChartConfig | null>(() => {
    const d = this.data();
    if (!d) return null;
    const c = this.t.financeDashboard.charts.occupancy;
    return {
      type: 'bar',
      data: {
        labels: d.occupancy.map((s) => s.label),
        datasets: [{ label: c.rate, data: d.occupancy.map((s) => Math.round((s.rate ?? 0) * 1000) / 10), backgroundColor: DARK }],
      },
      options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { min: 0, max: 100 } } },
    };
  });

  protected readonly alts = computed(() => {
    const d = this.data();
    if (!d) return null;
    const c = this.t.financeDashboard.charts;
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    const overdue = sum(d.outstandingByAge.filter((b) => b.bucket !== 'not_due').map((b) => b.outstandingCents));
    return {
      billedCollected: c.billedCollected.alt(
        d.billedCollected.length,
        euros(sum(d.billedCollected.map((m) => m.billedCents))),
        euros(sum(d.billedCollected.map((m) => m.collectedCents))),
      ),
      outstandingByAge: c.outstandingByAge.alt(euros(sum(d.outstandingByAge.map((b) => b.outstandingCents))), euros(overdue)),
      paymentsByChannel: c.paymentsByChannel.alt(
        d.paymentsByChannel.map((p) => `${c.paymentsByChannel.channels[p.channel]} ${euros(p.amountCents)}`).join(', '),
      ),
      cantine: c.cantine.alt(sum(d.cantineAUnEuro.map((m) => m.mealsAtOneEuro)), sum(d.cantineAUnEuro.map((m) => m.otherMeals))),
      occupancy: c.occupancy.alt(d.occupancy.map((s) => `${s.label} ${this.percent(s.rate)}`).join(', ') || '—'),
    };
  });

  constructor() {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.error.set(null);
    try {
      this.data.set(await this.service.load(this.from, this.to));
    } catch (error) {
      this.error.set(toApiError(error, this.common).title);
    }
  }

  protected csv(chart: DashboardChart): string {
    return this.service.csvUrl(chart, this.data()?.from ?? this.from, this.data()?.to ?? this.to);
  }

  protected percent(rate: number | null): string {
    return rate === null ? '—' : `${(rate * 100).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} %`;
  }
}
