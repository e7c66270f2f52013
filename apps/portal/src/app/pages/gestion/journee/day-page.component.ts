import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSort, MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { Router } from '@angular/router';
import type { DayList, ServiceView } from '@ardoise/contracts';
import { toApiError } from '../../../core/api-error';
import { MESSAGES } from '../../../i18n/messages';
import { BO_MESSAGES } from '../../../i18n/back-office/back-office-messages';
import { longDayWithYear, today } from '../../../shared/formats';
import { staffTableData } from '../../../back-office/table/table-data';
import { DayService, mealCountsCsv, type DayOverview } from './day.service';

type Child = DayList['children'][number];

/**
 * The day, for one service: occupancy against capacity, meals to order per school (print or
 * CSV for the caterer), and the children expected with their diet, allergy and PAI badges.
 */
@Component({
  selector: 'ard-day-page',
  imports: [FormsModule, MatTableModule, MatSortModule, MatFormFieldModule, MatInputModule, MatButtonModule],
  templateUrl: './day-page.component.html',
  styleUrl: './day-page.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DayPageComponent {
  protected readonly t = inject(BO_MESSAGES);
  private readonly common = inject(MESSAGES);
  private readonly days = inject(DayService);
  private readonly router = inject(Router);
  protected readonly longDayWithYear = longDayWithYear;

  /** `?date=` and `?service=`: a printed or shared link shows the same day. */
  readonly date = input<string>();
  readonly service = input<string>();
  protected chosenDate = today();
  protected chosenService = '';
  protected filter = '';
  protected readonly services = signal<ServiceView[]>([]);
  protected readonly day = signal<DayOverview | null>(null);
  protected readonly summary = signal<Awaited<ReturnType<DayService['occupancies']>>>([]);
  protected readonly error = signal<string | null>(null);
  protected readonly columns = ['school', 'className', 'name', 'diet', 'health', 'absence'];
  protected readonly rows = staffTableData<Child>(
    (c) => `${c.lastName} ${c.firstName} ${c.school} ${c.className} ${c.diet} ${c.allergies ?? ''}`,
    (c, column) =>
      column === 'school'
        ? `${c.school ?? ''} ${c.lastName} ${c.firstName}`
        : column === 'name'
          ? `${c.lastName} ${c.firstName}`
          : String((c as unknown as Record<string, string | number | null | undefined>)[column] ?? ''),
  );
  private readonly sort = viewChild(MatSort);
  protected readonly fillRate = computed(() => {
    const d = this.day();
    const capacity = d?.list.capacity;
    return d && capacity ? Math.min(100, Math.round((d.list.booked / capacity) * 100)) : null;
  });

  constructor() {
    effect(() => {
      this.rows.sort = this.sort() ?? null;
    });
    void this.days.services().then(
      (services) => {
        this.services.set(services);
        if (!this.chosenService) this.chosenService = services[0]?.code ?? '';
        void this.load();
      },
      (error) => this.error.set(toApiError(error, this.common).title),
    );
    effect(() => {
      const [date, service] = [this.date(), this.service()];
      if (date) this.chosenDate = date;
      if (service) this.chosenService = service;
      void this.load();
    });
  }

  protected showService(code: string): void {
    this.chosenService = code;
    this.show();
  }

  protected show(): void {
    void this.router.navigate([], { queryParams: { date: this.chosenDate, service: this.chosenService } });
  }

  protected applyFilter(): void {
    this.rows.filter = this.filter.trim();
  }

  protected dietName(diet: string | null): string {
    return this.t.families.file.diets[diet ?? 'standard'] ?? diet ?? '';
  }

  protected dietsOf(byDiet: Record<string, number>): { diet: string; count: number }[] {
    return Object.entries(byDiet).map(([diet, count]) => ({ diet: this.dietName(diet), count }));
  }

  protected print(): void {
    window.print();
  }

  protected downloadCsv(): void {
    const meals = this.day()?.meals;
    if (!meals) return;
    const blob = new Blob([mealCountsCsv(meals, this.t.day.csvHeader, (d) => this.dietName(d))], { type: 'text/csv;charset=utf-8' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `repas-${meals.serviceCode}-${meals.date}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  private async load(): Promise<void> {
    const [service, date] = [this.chosenService, this.chosenDate];
    if (!service || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
    this.error.set(null);
    try {
      const [day, summary] = await Promise.all([this.days.overview(service, date), this.days.occupancies(this.services(), date)]);
      if (service !== this.chosenService || date !== this.chosenDate) return;
      this.day.set(day);
      this.summary.set(summary);
      this.rows.data = day.list.children;
    } catch (error) {
      this.day.set(null);
      this.error.set(toApiError(error, this.common).title);
    }
  }
}
