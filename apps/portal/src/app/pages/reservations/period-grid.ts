import type { PeriodCell, PeriodService, PeriodView } from '@ardoise/contracts';
import { weekdayOf } from '../../shared/dates';

export interface GridRow {
  service: PeriodService;
  cells: PeriodCell[];
}

export interface GridWeek {
  days: string[];
  rows: GridRow[];
}

export interface PeriodGrid {
  weeks: GridWeek[];
  /** Prestations with no open day in the period (not shown as rows, named under the grid). */
  notRunning: string[];
}

/**
 * The planning as shown: one table per week (a month is four or five of them, which stays
 * readable on a phone), without the week-end columns when nothing runs then, and without
 * the prestations that do not run at all in the period.
 */
export function periodGrid(view: PeriodView): PeriodGrid {
  const running = view.services.filter((s) => s.days.some((d) => d.state !== 'closed' || d.reservationId));
  const notRunning = view.services.filter((s) => !running.includes(s)).map((s) => s.label);
  const allDays = view.services[0]?.days.map((d) => d.date) ?? [];
  const shownDays = allDays.filter((day) => weekdayOf(day) <= 5 || running.some((s) => s.days.find((d) => d.date === day)?.state !== 'closed'));
  const weeks: GridWeek[] = [];
  for (const day of shownDays) {
    const last = weeks.at(-1);
    if (!last || weekdayOf(day) < weekdayOf(last.days.at(-1)!)) weeks.push({ days: [day], rows: [] });
    else last.days.push(day);
  }
  for (const week of weeks) {
    week.rows = running.map((service) => ({
      service,
      cells: week.days.map((day) => service.days.find((d) => d.date === day)!),
    }));
  }
  return { weeks, notRunning };
}
