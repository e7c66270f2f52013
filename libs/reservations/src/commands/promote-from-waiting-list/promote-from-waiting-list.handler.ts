import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { CatalogueReader } from '#ardoise/catalogue';
import { currentContext } from '#ardoise/commands';
import { DATABASE } from '#ardoise/database';
import { serviceDayStream } from '../../domain/reservation-events.js';
import { RESERVATION_DAYS_TABLE } from '../../projections/reservations.projector.js';
import { ServiceDayWriter } from '../../service-day/service-day-writer.js';
import { PromoteAfterCapacityRaise, PromoteFromWaitingList } from './promote-from-waiting-list.command.js';

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

@CommandHandler(PromoteAfterCapacityRaise)
export class PromoteAfterCapacityRaiseHandler implements ICommandHandler<PromoteAfterCapacityRaise> {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<any>,
    @Inject(CatalogueReader) private readonly catalogue: CatalogueReader,
    @Inject(ServiceDayWriter) private readonly days: ServiceDayWriter,
  ) {}

  async execute(command: PromoteAfterCapacityRaise): Promise<{ days: number; promoted: number }> {
    const service = await this.catalogue.service(command.serviceCode);
    // The read model only says where to look; each day decides on its own stream.
    const waiting = await this.db
      .selectFrom(RESERVATION_DAYS_TABLE)
      .select((eb) => eb.cast<string>('date', 'text').as('day'))
      .where('service_code', '=', service.code)
      .where('date', '>=', command.from)
      .where('date', '<=', command.to)
      .where('waitlisted', '>', 0)
      .orderBy('date')
      .execute();
    let promoted = 0;
    let days = 0;
    for (const { day } of waiting) {
      const { events } = await this.days.execute(
        serviceDayStream(service.code, day),
        { type: 'PromoteFromWaitlist', capacity: service.dailyCapacity, reservationId: null },
        currentContext(),
      );
      const count = events.filter((e) => e.type === 'ReservationPromoted').length;
      promoted += count;
      if (count > 0) days++;
    }
    return { days, promoted };
  }
}
