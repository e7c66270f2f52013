import { ChangeDetectionStrategy, Component, ElementRef, effect, input, viewChild, type OnDestroy } from '@angular/core';
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';

// Only what the finance dashboard draws (bars and a doughnut): the rest of Chart.js is tree-shaken.
// This file is reached only from the /finances chunk, never from the parents' bundle.
Chart.register(BarController, BarElement, DoughnutController, ArcElement, CategoryScale, LinearScale, Tooltip, Legend);

export type FinanceChartConfig = ChartConfiguration<'bar' | 'doughnut', number[], string>;

/**
 * One Chart.js chart. The canvas is an image with a text alternative (`alt`); the numbers
 * it draws are in the table the page puts beside it, so nothing is told by colour alone.
 */
@Component({
  selector: 'ard-chart-canvas',
  template: `<div class="chart-box"><canvas #canvas role="img" [attr.aria-label]="alt()"></canvas></div>`,
  styles: `
    .chart-box {
      position: relative;
      height: 16rem;
      max-width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChartCanvasComponent implements OnDestroy {
  readonly config = input.required<FinanceChartConfig>();
  readonly alt = input.required<string>();
  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: Chart<'bar' | 'doughnut', number[], string> | null = null;

  constructor() {
    effect(() => {
      const config = this.config();
      this.chart?.destroy();
      this.chart = new Chart(this.canvas().nativeElement, {
        ...config,
        options: { responsive: true, maintainAspectRatio: false, animation: false, ...config.options },
      } as FinanceChartConfig);
    });
  }

  ngOnDestroy(): void {
    this.chart?.destroy();
  }
}
