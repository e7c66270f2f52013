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
  const day = dayTerms(service, calendar, date);
  return {
    serviceCode: service.code,
    date,
    capacity: service.dailyCapacity,
    closed: day.closed,
    booking: { at: day.booking.toISOString(), passed: now.getTime() >= day.booking.getTime() },
    cancellation: { at: day.cancellation.toISOString(), passed: now.getTime() >= day.cancellation.getTime() },
    phase: openingPhase(day.opening, now),
    opening: day.opening,
  };
}

interface DayTerms {
  closed: BookingTerms['closed'];
  booking: Date;
  cancellation: Date;
  opening: HolidayOpening | null;
}

/**
 * What does not depend on the clock, remembered per (calendar, prestation, day): computing
 * a deadline walks the calendar in Europe/Paris (luxon), and an opening rush asks for the
 * same few days thousands of times. Keyed by the objects themselves: the catalogue hands
 * out a NEW calendar or prestation object whenever either changes (its deciders never
 * mutate a state), so a changed règlement is never answered from here.
 */
const remembered = new WeakMap<TownCalendar, WeakMap<ServiceConfig, Map<LocalDate, DayTerms>>>();
const MAX_DAYS_PER_SERVICE = 1_000;

function dayTerms(service: ServiceConfig, calendar: TownCalendar, date: LocalDate): DayTerms {
  let byService = remembered.get(calendar);
  if (!byService) remembered.set(calendar, (byService = new WeakMap()));
  let byDate = byService.get(service);
  if (!byDate) byService.set(service, (byDate = new Map()));
  const known = byDate.get(date);
  if (known) return known;
  const status = dayStatus(calendar, service, date);
  const terms: DayTerms = {
    closed: status.open ? null : { reason: status.reason, label: status.label },
    booking: deadlineFor(service.booking ?? DEFAULT_RULE, date, calendar),
    cancellation: deadlineFor(service.cancellation ?? DEFAULT_RULE, date, calendar),
    opening: service.openings.find((o) => o.from <= date && date <= o.to) ?? null,
  };
  if (byDate.size >= MAX_DAYS_PER_SERVICE) byDate.clear();
  byDate.set(date, terms);
  return terms;
}

export function openingPhase(opening: HolidayOpening | null, now: Date): OpeningPhase {
  if (!opening) return { kind: 'open' };
  if (now.getTime() < Date.parse(opening.opensAt)) return { kind: 'not_open_yet', opensAt: opening.opensAt };
  if (opening.mode === 'first_come') return { kind: 'open' };
  if (now.getTime() < Date.parse(opening.requestsCloseAt!)) return { kind: 'collecting', openingId: opening.openingId };
  return { kind: 'after_window', openingId: opening.openingId };
}
