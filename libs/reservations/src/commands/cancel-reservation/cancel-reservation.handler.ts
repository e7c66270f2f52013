import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CatalogueReader } from '#ardoise/catalogue';
import { CLOCK, currentContext, type Clock } from '#ardoise/commands';
import { FamilyChildrenReader } from '#ardoise/families';
import { childOfFamily } from '../../children/child-of-family.js';
import { serviceDayStream } from '../../domain/reservation-events.js';
import { bookingTerms } from '../../service-day/booking-terms.js';
import { ServiceDayWriter } from '../../service-day/service-day-writer.js';
import { CancelReservation } from './cancel-reservation.command.js';

/** A parent cancels inside the window of the règlement; an agent any time, with a reason. */
@CommandHandler(CancelReservation)
export class CancelReservationHandler implements ICommandHandler<CancelReservation> {
  constructor(
    @Inject(CatalogueReader) private readonly catalogue: CatalogueReader,
    @Inject(FamilyChildrenReader) private readonly children: FamilyChildrenReader,
    @Inject(ServiceDayWriter) private readonly days: ServiceDayWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: CancelReservation): Promise<{ promoted: number }> {
    const { slot } = command;
    await childOfFamily(this.children, command.familyId, slot.childId);
    const service = await this.catalogue.service(slot.serviceCode);
    const terms = bookingTerms(service, await this.catalogue.calendar(), slot.date, this.clock.now());
    const context = currentContext();
    const { events } = await this.days.execute(
      serviceDayStream(slot.serviceCode, slot.date),
      {
        type: 'CancelReservation',
        familyId: command.familyId,
        childId: slot.childId,
        by: context.actor.role === 'parent' ? 'parent' : 'agent',
        reason: command.reason,
        deadline: terms.cancellation,
        capacity: terms.capacity,
      },
      context,
    );
    return { promoted: events.filter((e) => e.type === 'ReservationPromoted').length };
  }
}
