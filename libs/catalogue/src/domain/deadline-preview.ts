import { deadlineFor, type DeadlineRule, type DeadlineService } from './deadline-rule.js';
import { frenchDeadline, type LocalDate } from '#ardoise/kernel';
import { dayStatus, type TownCalendar } from './town-calendar.js';

export interface DeadlinePreview {
  date: LocalDate;
  /** Why the prestation does not run that day (holidays, closure…), or null. */
  closedLabel: string | null;
  booking: { at: string; text: string } | null;
  cancellation: { at: string; text: string } | null;
}

/**
 * What a règlement would give, day by day, before it is saved: the same computation as the
 * parents' planning (deadlineFor in Europe/Paris, the prestation's days and start time).
 */
export function previewDeadlines(
  service: DeadlineService,
  rules: { booking: DeadlineRule; cancellation: DeadlineRule | null },
  calendar: TownCalendar,
  dates: LocalDate[],
): DeadlinePreview[] {
  return dates.map((date) => {
    const status = dayStatus(calendar, service, date);
    if (!status.open) return { date, closedLabel: status.label, booking: null, cancellation: null };
    const booking = deadlineFor(rules.booking, date, calendar, service);
    const cancellation = rules.cancellation ? deadlineFor(rules.cancellation, date, calendar, service) : null;
    return {
      date,
      closedLabel: null,
      booking: { at: booking.toISOString(), text: `Réservable jusqu’au ${frenchDeadline(booking)}` },
      cancellation: cancellation ? { at: cancellation.toISOString(), text: `Annulable jusqu’au ${frenchDeadline(cancellation)}` } : null,
    };
  });
}
