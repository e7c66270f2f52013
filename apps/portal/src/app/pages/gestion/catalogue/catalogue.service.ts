import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ServiceView } from '@ardoise/contracts';
import { firstValueFrom } from 'rxjs';
import { API } from '../../../core/api';

/** A deadline rule as the API takes it (libs/catalogue deadline-rule.ts). */
export type DeadlineRuleDraft = { kind: string } & Record<string, string | number>;

export interface ServiceDetails extends ServiceView {
  startTime: string | null;
  season: 'school' | 'holidays';
  booking: DeadlineRuleDraft | null;
  cancellation: DeadlineRuleDraft | null;
  bookingText: string | null;
  cancellationText: string | null;
}

export interface PreviewDay {
  date: string;
  closedLabel: string | null;
  booking: { at: string; text: string } | null;
  cancellation: { at: string; text: string } | null;
}

export interface TownCalendarView {
  years: {
    label: string;
    zone: string;
    start: string;
    end: string;
    classesStart: string;
    classesEnd: string;
    schoolWeekdays?: number[];
    holidays: { label: string; zones: string[]; start: string; end: string }[];
    publicHolidays: { date: string; label: string }[];
  }[];
  closures: { date: string; serviceCodes: string[] | null; reason: string }[];
}

export type SchoolYearView = TownCalendarView['years'][number];

/** A school year as PUT /catalogue/calendar/school-years/:label takes it. */
export type SchoolYearDraft = Omit<SchoolYearView, 'label'>;

export interface TariffView {
  serviceCode: string;
  version: number;
  effectiveFrom: string;
  brackets: { code: string; label: string; qfFrom: number; qfTo: number | null; unitPriceCents: number }[];
}

/** The catalogue over HTTP: prestations, règlement (with its preview), calendar, tariffs. */
@Injectable({ providedIn: 'root' })
export class CatalogueService {
  private readonly http = inject(HttpClient);

  services(): Promise<ServiceView[]> {
    return firstValueFrom(this.http.get<ServiceView[]>(`${API}/catalogue/services`));
  }

  service(code: string): Promise<ServiceDetails> {
    return firstValueFrom(this.http.get<ServiceDetails>(`${API}/catalogue/services/${code}`));
  }

  calendar(): Promise<TownCalendarView> {
    return firstValueFrom(this.http.get<TownCalendarView>(`${API}/catalogue/calendar`));
  }

  tariffs(): Promise<TariffView[]> {
    return firstValueFrom(this.http.get<{ tariffs: TariffView[] }>(`${API}/tariffs`)).then((r) => r.tariffs);
  }

  preview(
    code: string,
    body: { season: string; booking: DeadlineRuleDraft; cancellation: DeadlineRuleDraft; startTime?: string; dates: string[] },
  ): Promise<PreviewDay[]> {
    return firstValueFrom(this.http.post<{ days: PreviewDay[] }>(`${API}/catalogue/services/${code}/booking-rules/preview`, body)).then((r) => r.days);
  }

  saveRules(code: string, body: { season: string; booking: DeadlineRuleDraft; cancellation: DeadlineRuleDraft }): Promise<unknown> {
    return firstValueFrom(this.http.put(`${API}/catalogue/services/${code}/booking-rules`, body));
  }

  setStartTime(code: string, startTime: string): Promise<unknown> {
    return firstValueFrom(this.http.put(`${API}/catalogue/services/${code}/session-start`, { startTime }));
  }

  setCapacity(code: string, dailyCapacity: number | null): Promise<unknown> {
    return firstValueFrom(this.http.put(`${API}/catalogue/services/${code}/capacity`, { dailyCapacity }));
  }

  waitingDays(code: string, from: string, to: string): Promise<{ days: { date: string; waitlisted: number; free: number }[] }> {
    return firstValueFrom(
      this.http.get<{ days: { date: string; waitlisted: number; free: number }[] }>(`${API}/service-days/${code}/waiting-days`, { params: { from, to } }),
    );
  }

  promoteRange(code: string, from: string, to: string): Promise<{ days: number; promoted: number }> {
    return firstValueFrom(this.http.post<{ days: number; promoted: number }>(`${API}/service-days/${code}/promotions`, { from, to }));
  }

  /** Defines the school year `label` (2026-2027), or corrects it when it already exists. */
  defineSchoolYear(label: string, body: SchoolYearDraft): Promise<unknown> {
    return firstValueFrom(this.http.put(`${API}/catalogue/calendar/school-years/${encodeURIComponent(label)}`, body));
  }

  declareClosure(body: { date: string; reason: string; serviceCodes?: string[] }): Promise<unknown> {
    return firstValueFrom(this.http.post(`${API}/catalogue/calendar/closures`, body));
  }
}
