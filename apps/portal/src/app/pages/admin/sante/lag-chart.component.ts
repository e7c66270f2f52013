import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, computed, effect, inject, input, viewChild } from '@angular/core';
import type { LagSample } from '@ardoise/contracts';
import { CategoryScale, Chart, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';
import { BO_MESSAGES } from '../../../i18n/back-office/back-office-messages';
import { clockTime } from '../../../shared/formats';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip);

/** Told apart by point shape (ten of them) and dash as well as colour: never colour alone. */
const COLORS = ['#000091', '#c9191e', '#18753c', '#b34000', '#6a6af4', '#3a3a3a'];
const POINTS = ['circle', 'triangle', 'rect', 'rectRot', 'star', 'crossRot', 'cross', 'rectRounded', 'dash', 'line'] as const;
const DASHES = [[], [6, 3], [2, 2], [10, 4], [4, 4, 1, 4]];
const styleOf = (i: number) => ({ color: COLORS[i % COLORS.length]!, point: POINTS[i % POINTS.length]!, dash: DASHES[i % DASHES.length]! });

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
          <caption>
            {{
              h.chartTableCaption
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ h.time }}</th>
              @for (name of table().projections; track name) {
                <th scope="col" class="num">{{ name }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (row of table().rows; track row.at) {
              <tr>
                <th scope="row">{{ row.label }}</th>
                @for (value of row.values; track $index) {
                  <td class="num">{{ value ?? '—' }}</td>
                }
              </tr>
            }
          </tbody>
        </table>
      </div>
    </details>
  `,
  styles: `
    .chart-box {
      position: relative;
      height: 16rem;
      max-width: 60rem;
    }
    .table-scroll {
      max-height: 20rem;
      overflow: auto;
    }
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
      rows: times.map((at) => ({ at, label: clockTime(at), values: projections.map((p) => byKey.get(`${at}|${p}`) ?? null) })),
    };
  });

  constructor() {
    effect(() => this.draw());
    inject(DestroyRef).onDestroy(() => this.chart?.destroy());
  }

  private draw(): void {
    const { projections, rows } = this.table();
    const datasets = projections.map((name, i) => {
      const style = styleOf(i);
      return {
        label: name,
        data: rows.map((r) => r.values[i] ?? null),
        borderColor: style.color,
        backgroundColor: style.color,
        borderDash: [...style.dash],
        pointStyle: style.point,
        pointRadius: 3,
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
