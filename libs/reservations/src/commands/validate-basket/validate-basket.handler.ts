import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CatalogueReader, type ServiceConfig } from '#ardoise/catalogue';
import { CLOCK, currentContext, type Clock } from '#ardoise/commands';
import { ForbiddenError } from '#ardoise/kernel';
import { Baskets } from '../../basket/baskets.js';
import { serviceDayStream, type ReservationRef } from '../../domain/reservation-events.js';
import { REJECTION_MESSAGES } from '../../rejection-messages.js';
import { outcomeOf, waitlistRank } from '../../domain/service-day.decider.js';
import { bookingTerms } from '../../service-day/booking-terms.js';
import { ServiceDayWriter } from '../../service-day/service-day-writer.js';
import { ValidateBasket, type LineResult } from './validate-basket.command.js';

const OUTCOME_MESSAGES = {
  validated: 'Demande validée.',
  waitlisted: 'Complet : votre enfant est inscrit sur la liste d’attente.',
  submitted: 'Demande enregistrée : les places seront attribuées à la clôture des demandes.',
};

/**
 * "Valider le panier": each line is decided on its own service day (validated, waitlisted,
 * or rejected with a reason), all-or-nothing per line; then the basket records which lines
 * it settled. A crash in between leaves decided lines in the basket; validating again
 * finds their decision on the service day and settles them with the same outcome.
 */
@CommandHandler(ValidateBasket)
export class ValidateBasketHandler implements ICommandHandler<ValidateBasket> {
  constructor(
    @Inject(Baskets) private readonly baskets: Baskets,
    @Inject(CatalogueReader) private readonly catalogue: CatalogueReader,
    @Inject(ServiceDayWriter) private readonly days: ServiceDayWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: ValidateBasket): Promise<{ lines: LineResult[] }> {
    const context = currentContext();
    if (command.override && context.actor.role === 'parent') {
      throw new ForbiddenError('RESERVATION.OVERRIDE_FORBIDDEN', 'Seul un agent peut passer outre un délai de réservation.');
    }
    // Read alongside the basket, not after it: the calendar, and the prestations of the lines this
    // process last saw in the basket (usually every line: the family added them here). A line the
    // read brings that was not known has its prestation read then. Each prestation is read once
    // per request (a read includes every change committed before it, as the basket's does).
    const services = new Map<string, Promise<ServiceConfig>>();
    const serviceOf = (code: string) => services.get(code) ?? services.set(code, this.catalogue.service(code)).get(code)!;
    const calendarRead = this.catalogue.calendar();
    calendarRead.catch(() => undefined);
    for (const line of this.baskets.cached(command.familyId)?.pending.values() ?? []) serviceOf(line.serviceCode).catch(() => undefined);
    const state = await this.baskets.current(command.familyId);
    const lines = [...state.pending.values()].sort((a, b) => a.date.localeCompare(b.date) || a.serviceCode.localeCompare(b.serviceCode));
    if (lines.length === 0) return { lines: [] };

    const calendar = await calendarRead;
    const now = this.clock.now();
    const override = command.override ? { by: context.actor.userId, reason: command.override.reason, lateSurcharge: command.override.lateSurcharge } : null;

    const decided = await Promise.allSettled(
      lines.map(async (line): Promise<LineResult> => {
        const terms = bookingTerms(await serviceOf(line.serviceCode), calendar, line.date, now);
        const { state: day } = await this.days.execute(
          serviceDayStream(line.serviceCode, line.date),
          {
            type: 'ValidateLine',
            line,
            capacity: terms.capacity,
            closed: terms.closed,
            deadline: terms.booking,
            override,
            phase: terms.phase,
          },
          context,
          false, // two lines of one basket may share a day: each is idempotent by its reservation id
        );
        const { outcome, code } = outcomeOf(day, line.reservationId)!;
        return {
          ...view(line),
          outcome,
          code,
          message: code ? REJECTION_MESSAGES[code] : OUTCOME_MESSAGES[outcome as keyof typeof OUTCOME_MESSAGES],
          waitlistRank: waitlistRank(day, line.reservationId) ?? null,
        };
      }),
    );
    const results = decided.flatMap((d) => (d.status === 'fulfilled' ? [d.value] : []));
    if (results.length > 0) {
      await this.baskets.handle(
        command.familyId,
        { type: 'Settle', familyId: command.familyId, results: results.map((r) => ({ reservationId: r.reservationId, outcome: r.outcome, code: r.code })) },
        context,
        20,
      );
    }
    const failure = decided.find((d) => d.status === 'rejected');
    if (failure) throw (failure as PromiseRejectedResult).reason;
    return { lines: results };
  }
}

const view = (line: ReservationRef) => ({ reservationId: line.reservationId, childId: line.childId, serviceCode: line.serviceCode, date: line.date });
