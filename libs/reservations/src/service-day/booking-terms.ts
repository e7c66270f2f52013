import {
  dayStatus,
  deadlineFor,
  type DeadlineRule,
  type HolidayOpening,
  type LocalDate,
  type ServiceConfig,
  type TownCalendar,
} from '#ardoise/catalogue';
import type { OpeningPhase } from '../domain/service-day.decider.js';

/** A prestation without a règlement yet can be changed until the evening before. */
const DEFAULT_RULE: DeadlineRule = { kind: 'day_before', at: '23:59' };

/** Everything the town's règlement says about one prestation on one day, at one instant. */
export interface BookingTerms {
  serviceCode: string;
  date: LocalDate;
  capacity: number | null;
  closed: { reason: string; label: string } | null;
  booking: { at: string; passed: boolean };
  cancellation: { at: string; passed: boolean };
  phase: OpeningPhase;
  opening: HolidayOpening | null;
}

export function bookingTerms(service: ServiceConfig, calendar: TownCalendar, date: LocalDate, now: Date): BookingTerms {
  const status = dayStatus(calendar, service, date);
  const deadline = (rule: DeadlineRule | null) => {
    const at = deadlineFor(rule ?? DEFAULT_RULE, date, calendar);
    return { at: at.toISOString(), passed: now.getTime() >= at.getTime() };
  };
  const opening = service.openings.find((o) => o.from <= date && date <= o.to) ?? null;
  return {
    serviceCode: service.code,
    date,
    capacity: service.dailyCapacity,
    closed: status.open ? null : { reason: status.reason, label: status.label },
    booking: deadline(service.booking),
    cancellation: deadline(service.cancellation),
    phase: openingPhase(opening, now),
    opening,
  };
}

export function openingPhase(opening: HolidayOpening | null, now: Date): OpeningPhase {
  if (!opening) return { kind: 'open' };
  if (now.getTime() < Date.parse(opening.opensAt)) return { kind: 'not_open_yet', opensAt: opening.opensAt };
  if (opening.mode === 'first_come') return { kind: 'open' };
  if (now.getTime() < Date.parse(opening.requestsCloseAt!)) return { kind: 'collecting', openingId: opening.openingId };
  return { kind: 'after_window', openingId: opening.openingId };
}
