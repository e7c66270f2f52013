import { inParallel } from '#ardoise/kernel';
import {
  CancelReservation,
  DeclareAbsence,
  JustifyAbsence,
  RecordAttendance,
  RequestReservations,
  serviceDayStream,
  ValidateBasket,
  type RequestedSlot,
} from '#ardoise/reservations';
import { holidayDaysOf, lastDayOf, previousMonth, schoolDaysOf, weekdayOf } from './school-calendar.js';
import { AGENT, asActor, parentOf, type SeedRun } from './seed-run.js';
import type { Arrival } from './arrival-order.js';
import type { SeededFamily } from './town-families.js';

/** A validated reservation of the month (a child, a prestation, a day). */
export interface BookedSlot extends RequestedSlot {
  reservationId: string;
}

export interface Absence {
  family: SeededFamily;
  slot: BookedSlot;
  justified: boolean;
}

/** A command the seed sends to a service day. */
interface DayCommand {
  type: Arrival['type'];
  slot: RequestedSlot;
}

/**
 * A month's bookings, a week or two before the month (before every deadline of the règlement),
 * through the parents' commands:
 *
 * 1. each family puts its usual days in its basket (canteen on its weekdays, evening care,
 *    Wednesdays, some holiday leisure days), then validates it: full days put children on
 *    the waiting list, in the order of the families (ArrivalOrder);
 * 2. a few validated days are cancelled in the window (a waiting child may be promoted).
 *
 * Returns the absences the families will declare during the month. The families' draws are
 * made one family after the other, before the commands are sent.
 */
export async function bookMonth(run: SeedRun, families: readonly SeededFamily[], month: string): Promise<Absence[]> {
  run.clock.set(new Date(`${previousMonth(month)}-14T08:00:00Z`));
  const days = schoolDaysOf(month);
  const holidays = holidayDaysOf(month);
  const wishes = families.map((family) => ({ family, slots: usualSlots(family, days, holidays) })).filter((w) => w.slots.length > 0);

  // 1. Baskets: filled (each family writes its own stream: no order needed), then validated.
  const baskets = await inParallel(wishes, run.concurrency, ({ family, slots }) =>
    asActor(parentOf(family), () => run.commands.execute(new RequestReservations(family.familyId, slots, true))),
  );
  const validations = wishes.map(({ family }, i) => ({ family, lines: [...baskets[i]!.added, ...baskets[i]!.alreadyInBasket] }));
  const settled = await inDayOrder(
    run,
    validations,
    ({ lines }) => lines.map((slot) => ({ type: 'ValidateLine', slot })),
    ({ family }) => asActor(parentOf(family), () => run.commands.execute(new ValidateBasket(family.familyId, null))),
  );

  // 2. What each family does with its validated days, drawn family after family.
  const cancellations: { family: SeededFamily; slot: BookedSlot }[] = [];
  const absences: Absence[] = [];
  settled.forEach(({ lines }, i) => {
    const family = validations[i]!.family;
    for (const line of lines) {
      if (line.outcome !== 'validated') continue;
      const slot: BookedSlot = { reservationId: line.reservationId, childId: line.childId, serviceCode: line.serviceCode, date: line.date };
      const draw = family.random();
      if (draw < 0.03) cancellations.push({ family, slot });
      else if (draw < 0.06) absences.push({ family, slot, justified: family.random() < 0.5 });
    }
  });
  // A refusal (a deadline passed, a day closed since) is part of the year: the step goes on.
  await inDayOrder(
    run,
    cancellations,
    ({ slot }) => [{ type: 'CancelReservation', slot }],
    ({ family, slot }) => asActor(parentOf(family), () => run.commands.execute(new CancelReservation(family.familyId, slot, null))).catch(() => undefined),
  );
  return absences;
}

/** During the month, absences declared (half of them justified by an agent); at its end, staff mark them on the attendance sheet. */
export async function markAbsences(run: SeedRun, absences: readonly Absence[], month: string): Promise<void> {
  run.clock.set(new Date(`${month}-01T07:00:00Z`));
  await inDayOrder(
    run,
    absences,
    ({ slot }) => [{ type: 'DeclareAbsence', slot }],
    ({ family, slot }) =>
      asActor(parentOf(family), () => run.commands.execute(new DeclareAbsence(family.familyId, slot, 'Enfant malade'))).catch(() => undefined),
  );
  await inDayOrder(
    run,
    absences.filter((a) => a.justified),
    ({ slot }) => [{ type: 'JustifyAbsence', slot }],
    ({ family, slot }) => asActor(AGENT, () => run.commands.execute(new JustifyAbsence(family.familyId, slot, 'certificat médical'))).catch(() => undefined),
  );

  run.clock.set(new Date(`${lastDayOf(month)}T18:00:00Z`));
  await inDayOrder(
    run,
    absences,
    ({ slot }) => [{ type: 'RecordAttendance', slot }],
    ({ slot }) => asActor(AGENT, () => run.commands.execute(new RecordAttendance(slot.serviceCode, slot.date, slot.childId, 'absent'))).catch(() => undefined),
  );
}

/** The family's usual days of the month (holiday days: half of them, drawn). */
function usualSlots(family: SeededFamily, days: readonly string[], holidays: readonly string[]): RequestedSlot[] {
  const slots: RequestedSlot[] = [];
  for (const child of family.children) {
    for (const date of days) {
      const weekday = weekdayOf(date);
      if (child.canteen.includes(weekday)) slots.push({ childId: child.childId, serviceCode: 'CANTINE', date });
      if (child.evening.includes(weekday)) slots.push({ childId: child.childId, serviceCode: 'SOIR', date });
      if (weekday === 3 && child.wednesday) slots.push({ childId: child.childId, serviceCode: 'MERCREDI', date });
    }
    if (child.holidays) for (const date of holidays) if (family.random() < 0.5) slots.push({ childId: child.childId, serviceCode: 'VACANCES', date });
  }
  return slots;
}

/**
 * Runs `work` on every item, `run.concurrency` at a time, after announcing on each service day
 * the commands the items will send there (`sends`, in the items' order): each day then receives
 * them in that order, whichever item's reads come back first.
 */
async function inDayOrder<T, R>(run: SeedRun, items: readonly T[], sends: (item: T) => DayCommand[], work: (item: T) => Promise<R>): Promise<R[]> {
  const arrivals = items.map((item) =>
    sends(item).map(({ type, slot }): Arrival => ({ streamId: serviceDayStream(slot.serviceCode, slot.date), type, childId: slot.childId })),
  );
  for (const list of arrivals) for (const arrival of list) run.arrivals.announce(arrival);
  return inParallel(items, run.concurrency, (item, i) => run.arrivals.during(arrivals[i]!, () => work(item)));
}
