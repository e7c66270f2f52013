import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { DayList, MealCounts, Occupancy, ServiceView } from '@ardoise/contracts';
import { firstValueFrom } from 'rxjs';
import { API } from '../../../core/api';

export interface DayOverview {
  list: DayList;
  meals: MealCounts;
  occupancy: Occupancy['days'][number] | null;
}

/** A service's day as the agents read it: children expected, meals per school, occupancy. */
@Injectable({ providedIn: 'root' })
export class DayService {
  private readonly http = inject(HttpClient);

  services(): Promise<ServiceView[]> {
    return firstValueFrom(this.http.get<ServiceView[]>(`${API}/catalogue/services`));
  }

  /** Every service's occupancy that day (the day's summary above the chosen service). */
  async occupancies(services: ServiceView[], date: string): Promise<{ service: ServiceView; day: Occupancy['days'][number] | null }[]> {
    const all = await Promise.all(
      services.map((s) => firstValueFrom(this.http.get<Occupancy>(`${API}/service-days/occupancy`, { params: { serviceCode: s.code, from: date, to: date } }))),
    );
    return services.map((service, i) => ({ service, day: all[i]!.days.find((d) => d.date === date) ?? null }));
  }

  async overview(serviceCode: string, date: string): Promise<DayOverview> {
    const day = `${API}/service-days/${encodeURIComponent(serviceCode)}/${date}`;
    const [list, meals, occupancy] = await Promise.all([
      firstValueFrom(this.http.get<DayList>(`${day}/children`)),
      firstValueFrom(this.http.get<MealCounts>(`${day}/meal-counts`)),
      firstValueFrom(this.http.get<Occupancy>(`${API}/service-days/occupancy`, { params: { serviceCode, from: date, to: date } })),
    ]);
    return { list, meals, occupancy: occupancy.days.find((d) => d.date === date) ?? null };
  }
}

/** Meals per school and diet as a French spreadsheet file: UTF-8 with BOM, « ; » between cells. */
export function mealCountsCsv(meals: MealCounts, header: readonly string[], dietName: (diet: string) => string): string {
  const cell = (value: string | number) => {
    const text = String(value);
    return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const rows = meals.schools.flatMap((s) => Object.entries(s.byDiet).map(([diet, n]) => [s.school, dietName(diet), n]));
  return '\uFEFF' + [header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n';
}
