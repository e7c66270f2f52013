import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { CatalogueReader } from '#ardoise/catalogue';
import { currentContext } from '#ardoise/commands';
import { DATABASE } from '#ardoise/database';
import { serviceDayStream } from '../../domain/reservation-events.js';
import type { ReservationsDatabase } from '../../projections/reservations-database.js';
import { RESERVATION_DAYS_TABLE } from '../../projections/reservations.projector.js';
import { ServiceDayWriter } from '../../service-day/service-day-writer.js';
import { PromoteAfterCapacityRaise } from './promote-after-capacity-raise.command.js';

/** Each day with children waiting decides on its own stream, with the capacity the catalogue says now. */
@CommandHandler(PromoteAfterCapacityRaise)
export class PromoteAfterCapacityRaiseHandler implements ICommandHandler<PromoteAfterCapacityRaise> {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<ReservationsDatabase>,
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
