import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CatalogueReader } from '#ardoise/catalogue';
import { currentContext } from '#ardoise/commands';
import { serviceDayStream } from '../../domain/reservation-events.js';
import { ServiceDayWriter } from '../../service-day/service-day-writer.js';
import { PromoteFromWaitingList } from './promote-from-waiting-list.command.js';

/**
 * Decided on the service day itself (its capacity as the catalogue says now), so two agents
 * promoting at once never give more places than there are. Each promotion is a
 * ReservationPromoted event: the family gets the same e-mail as when a cancellation frees a place.
 */
@CommandHandler(PromoteFromWaitingList)
export class PromoteFromWaitingListHandler implements ICommandHandler<PromoteFromWaitingList> {
  constructor(
    @Inject(CatalogueReader) private readonly catalogue: CatalogueReader,
    @Inject(ServiceDayWriter) private readonly days: ServiceDayWriter,
  ) {}

  async execute(command: PromoteFromWaitingList): Promise<{ promoted: string[] }> {
    const service = await this.catalogue.service(command.serviceCode);
    const { events } = await this.days.execute(
      serviceDayStream(service.code, command.date),
      { type: 'PromoteFromWaitlist', capacity: service.dailyCapacity, reservationId: command.reservationId },
      currentContext(),
    );
    return { promoted: events.filter((e) => e.type === 'ReservationPromoted').map((e) => e.data.reservationId) };
  }
}
