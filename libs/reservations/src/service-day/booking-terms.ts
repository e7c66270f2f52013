import { dayStatus, deadlineFor, type HolidayOpening, type ServiceConfig, type TownCalendar } from '#ardoise/catalogue';
import { type LocalDate } from '#ardoise/kernel';
import type { OpeningPhase } from '../domain/service-day.decider.js';

/**
 * A prestation without a règlement is not open to bookings: the town decides its deadlines
 * before anyone books (no silent default). Nothing to cancel either, for the same reason.
 */
export const NO_RULES = { reason: 'NO_RULES', label: 'Le règlement de cette prestation n’est pas encore fixé' } as const;

/** Everything the town's règlement says about one prestation on one day, at one instant. */
export interface BookingTerms {
  serviceCode: string;
  date: LocalDate;
  capacity: number | null;
  /** Why the day takes no booking (a code, the town's name for it) and the words for parents. */
  closed: { reason: string; name?: string; label: string } | null;
  /** `at` is null when the prestation has no règlement yet (then `passed`). */
  booking: { at: string | null; passed: boolean };
  cancellation: { at: string | null; passed: boolean };
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
    booking: deadlineAt(day.booking, now),
    cancellation: deadlineAt(day.cancellation, now),
    phase: openingPhase(day.opening, now),
    opening: day.opening,
  };
}

const deadlineAt = (deadline: Date | null, now: Date) =>
  deadline ? { at: deadline.toISOString(), passed: now.getTime() >= deadline.getTime() } : { at: null, passed: true };

interface DayTerms {
  closed: BookingTerms['closed'];
  booking: Date | null;
  cancellation: Date | null;
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
  const closed = !status.open
    ? { reason: status.reason, ...(status.name === undefined ? {} : { name: status.name }), label: status.label }
    : service.booking
      ? null
      : { ...NO_RULES };
  const terms: DayTerms = {
    closed,
    booking: service.booking ? deadlineFor(service.booking, date, calendar, service) : null,
    cancellation: service.cancellation ? deadlineFor(service.cancellation, date, calendar, service) : null,
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
