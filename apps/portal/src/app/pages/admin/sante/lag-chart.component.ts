import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, computed, effect, inject, input, viewChild } from '@angular/core';
import type { LagSample } from '@ardoise/contracts';
import { CategoryScale, Chart, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';
import { BO_MESSAGES } from '../../../i18n/back-office/back-office-messages';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip);

/** Told apart by dash and point shape as well as colour (never colour alone). */
const STYLES = [
  { color: '#000091', dash: [], point: 'circle' },
  { color: '#c9191e', dash: [6, 3], point: 'triangle' },
  { color: '#18753c', dash: [2, 2], point: 'rect' },
  { color: '#b34000', dash: [10, 4], point: 'rectRot' },
  { color: '#6a6af4', dash: [4, 4, 1, 4], point: 'star' },
  { color: '#3a3a3a', dash: [1, 3], point: 'crossRot' },
] as const;

const time = (iso: string) => new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: 'Europe/Paris' }).format(new Date(iso));

/** Each projection's lag (events) over the last hour, as a line chart and, folded, as a table. */
@Component({
  selector: 'ard-lag-chart',
  template: `
    <div class="chart-box">
      <canvas #canvas role="img" [attr.aria-label]="h.chartLabel"></canvas>
    </div>
    <details>
      <summary>{{ h.chartTable }}</summary>
      <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="h.chartTableCaption">
        <table class="bo-simple-table" data-testid="lag-table">
          <caption>{{ h.chartTableCaption }}</caption>
          <thead>
            <tr>
              <th scope="col">{{ h.time }}</th>
              @for (name of table().projections; track name) { <th scope="col" class="num">{{ name }}</th> }
            </tr>
          </thead>
          <tbody>
            @for (row of table().rows; track row.at) {
              <tr>
                <th scope="row">{{ row.label }}</th>
                @for (value of row.values; track $index) { <td class="num">{{ value ?? '—' }}</td> }
              </tr>
            }
          </tbody>
        </table>
      </div>
    </details>
  `,
  styles: `
    .chart-box { position: relative; height: 16rem; max-width: 60rem; }
    .table-scroll { max-height: 20rem; overflow: auto; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LagChartComponent {
  protected readonly h = inject(BO_MESSAGES).admin.health;
  readonly samples = input.required<LagSample[]>();
  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: Chart | undefined;

  /** One row per sample time, one column per projection. */
  protected readonly table = computed(() => {
    const samples = this.samples();
    const projections = [...new Set(samples.map((s) => s.projection))].sort();
    const times = [...new Set(samples.map((s) => s.at))].sort();
    const byKey = new Map(samples.map((s) => [`${s.at}|${s.projection}`, s.lagEvents]));
    return {
      projections,
      times,
      rows: times.map((at) => ({ at, label: time(at), values: projections.map((p) => byKey.get(`${at}|${p}`) ?? null) })),
    };
  });

  constructor() {
    effect(() => this.draw());
    inject(DestroyRef).onDestroy(() => this.chart?.destroy());
  }

  private draw(): void {
    const { projections, rows } = this.table();
    const datasets = projections.map((name, i) => {
      const style = STYLES[i % STYLES.length]!;
      return {
        label: name,
        data: rows.map((r) => r.values[i] ?? null),
        borderColor: style.color,
        backgroundColor: style.color,
        borderDash: [...style.dash],
        pointStyle: style.point,
        pointRadius: 2,
        spanGaps: true,
      };
    });
    const labels = rows.map((r) => r.label);
    if (this.chart) {
      this.chart.data.labels = labels;
      this.chart.data.datasets = datasets;
      this.chart.update('none');
      return;
    }
    this.chart = new Chart(this.canvas().nativeElement, {
      type: 'line',
      data: { labels, datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { labels: { usePointStyle: true } } },
      },
    });
  }
}
