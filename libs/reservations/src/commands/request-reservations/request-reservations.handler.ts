import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { CatalogueReader, type ServiceConfig } from '#ardoise/catalogue';
import { CLOCK, currentContext, type Clock } from '#ardoise/commands';
import { AppError, RuleViolationError } from '#ardoise/kernel';
import { FamilyChildrenReader } from '#ardoise/families';
import { childNotFound } from '../../children/child-of-family.js';
import { Baskets } from '../../basket/baskets.js';
import { pendingFor } from '../../domain/basket.decider.js';
import { serviceDayStream, type ReservationRef } from '../../domain/reservation-events.js';
import { REJECTION_MESSAGES, rejectionMessage } from '../../rejection-messages.js';
import { bookingTerms } from '../../service-day/booking-terms.js';
import { ServiceDayWriter } from '../../service-day/service-day-writer.js';
import { RequestReservations, type BasketLineView, type SkippedDay } from './request-reservations.command.js';

/**
 * Puts days in the basket ("demande en cours"). Every day is checked first — the child is
 * the family's, the prestation exists, runs that day, is still open to booking, the child
 * is not booked yet — and nothing is written unless all pass (or, for an agenda or a
 * typical week, the impossible days are skipped and listed).
 */
@CommandHandler(RequestReservations)
export class RequestReservationsHandler implements ICommandHandler<RequestReservations> {
  constructor(
    @Inject(Baskets) private readonly baskets: Baskets,
    @Inject(CatalogueReader) private readonly catalogue: CatalogueReader,
    @Inject(FamilyChildrenReader) private readonly children: FamilyChildrenReader,
    @Inject(ServiceDayWriter) private readonly days: ServiceDayWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: RequestReservations) {
    const { familyId } = command;
    // Independent reads, started together (each is a round trip; under a rush they add up): the
    // children, the basket, the calendar and the prestations; each day is read as soon as its
    // prestation and the calendar say it can be booked. Nothing is answered before the children
    // are found to be the family's: a day read for a child who is not is only dropped.
    const now = this.clock.now();
    const agent = currentContext().actor.role !== 'parent';
    const calendarRead = this.catalogue.calendar();
    const basketRead = this.baskets.current(familyId);
    const services = new Map<string, Promise<ServiceConfig>>();
    const serviceOf = (code: string) => services.get(code) ?? services.set(code, this.catalogue.service(code)).get(code)!;
    const problemsRead = Promise.all(
      command.slots.map(async (slot) => this.problemWith(slot, await serviceOf(slot.serviceCode), await calendarRead, now, agent)),
    );
    for (const read of [calendarRead, basketRead, problemsRead]) read.catch(() => undefined);
    const known = await this.children.find(command.slots.map((s) => s.childId));
    for (const slot of command.slots) {
      if (known.get(slot.childId)?.familyId !== familyId) throw childNotFound();
    }

    const problems = await problemsRead;
    const accepted: typeof command.slots = [];
    const skipped: SkippedDay[] = [];
    command.slots.forEach((slot, i) => {
      const problem = problems[i];
      if (!problem) accepted.push(slot);
      else if (command.skipImpossible) skipped.push({ ...slot, code: problem.code, message: problem.title });
      else throw problem;
    });

    const basket = await basketRead;
    const alreadyInBasket: BasketLineView[] = [];
    const lines: ReservationRef[] = [];
    for (const slot of accepted) {
      const pending = pendingFor(basket, slot);
      if (pending) alreadyInBasket.push(view(pending));
      else lines.push({ reservationId: randomUUID(), familyId, ...slot });
    }
    if (lines.length > 0) {
      const result = await this.baskets.handle(familyId, { type: 'AddLines', familyId, lines }, currentContext(), 5);
      const added = new Set(result.events.map((e) => (e.data as ReservationRef).reservationId));
      for (const line of lines.filter((l) => !added.has(l.reservationId))) {
        const pending = pendingFor(result.state, line);
        if (pending) alreadyInBasket.push(view(pending));
      }
      return { added: lines.filter((l) => added.has(l.reservationId)).map(view), alreadyInBasket, skipped };
    }
    return { added: [], alreadyInBasket, skipped };
  }

  private async problemWith(
    slot: { childId: string; serviceCode: string; date: string },
    service: ServiceConfig,
    calendar: Awaited<ReturnType<CatalogueReader['calendar']>>,
    now: Date,
    agent: boolean,
  ): Promise<AppError | undefined> {
    const terms = bookingTerms(service, calendar, slot.date, now);
    if (terms.closed) {
      return new RuleViolationError('RESERVATION.DAY_CLOSED', rejectionMessage('DAY_CLOSED', terms.closed), undefined, {
        date: slot.date,
        reason: terms.closed.reason,
      });
    }
    if (terms.phase.kind === 'not_open_yet') {
      return new RuleViolationError('RESERVATION.NOT_OPEN_YET', REJECTION_MESSAGES.NOT_OPEN_YET, undefined, { opensAt: terms.phase.opensAt });
    }
    // An agent may put a late day in the basket: the override is decided (and recorded) at validation.
    if (terms.booking.passed && !agent) {
      return new RuleViolationError('RESERVATION.DEADLINE_PASSED', REJECTION_MESSAGES.DEADLINE_PASSED, undefined, {
        date: slot.date,
        deadline: terms.booking.at,
      });
    }
    if (await this.days.liveReservationOf(serviceDayStream(slot.serviceCode, slot.date), slot.childId)) {
      return new RuleViolationError('RESERVATION.ALREADY_BOOKED', REJECTION_MESSAGES.ALREADY_BOOKED, undefined, { date: slot.date });
    }
    return undefined;
  }
}

const view = (line: ReservationRef): BasketLineView => ({
  reservationId: line.reservationId,
  childId: line.childId,
  serviceCode: line.serviceCode,
  date: line.date,
});
