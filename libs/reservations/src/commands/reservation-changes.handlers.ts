import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CatalogueReader } from '#ardoise/catalogue';
import { AggregateRepository, CLOCK, currentContext, type Clock } from '#ardoise/commands';
import { NotFoundError } from '#ardoise/kernel';
import { ChildDirectory, childOfFamily } from '../children/child-directory.js';
import { basketDecider } from '../domain/basket.decider.js';
import { basketStream, serviceDayStream } from '../domain/reservation-events.js';
import { bookingTerms } from '../service-day/booking-terms.js';
import { ServiceDayWriter } from '../service-day/service-day-writer.js';
import { CancelReservation, DeclareAbsence, JustifyAbsence, RecordAttendance, RemoveFromBasket } from './reservation-commands.js';

@CommandHandler(RemoveFromBasket)
export class RemoveFromBasketHandler implements ICommandHandler<RemoveFromBasket> {
  constructor(@Inject(AggregateRepository) private readonly repository: AggregateRepository) {}

  async execute(command: RemoveFromBasket): Promise<void> {
    await this.repository.handle(
      basketStream(command.familyId),
      basketDecider,
      { type: 'RemoveLine', familyId: command.familyId, reservationId: command.reservationId },
      currentContext(),
      { retriesOnConflict: 5 },
    );
  }
}

/** A parent cancels inside the window of the règlement; an agent any time, with a reason. */
@CommandHandler(CancelReservation)
export class CancelReservationHandler implements ICommandHandler<CancelReservation> {
  constructor(
    @Inject(CatalogueReader) private readonly catalogue: CatalogueReader,
    @Inject(ChildDirectory) private readonly children: ChildDirectory,
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

@CommandHandler(DeclareAbsence)
export class DeclareAbsenceHandler implements ICommandHandler<DeclareAbsence> {
  constructor(
    @Inject(ChildDirectory) private readonly children: ChildDirectory,
    @Inject(ServiceDayWriter) private readonly days: ServiceDayWriter,
  ) {}

  async execute(command: DeclareAbsence): Promise<void> {
    await childOfFamily(this.children, command.familyId, command.slot.childId);
    await this.days.execute(
      serviceDayStream(command.slot.serviceCode, command.slot.date),
      { type: 'DeclareAbsence', familyId: command.familyId, childId: command.slot.childId, reason: command.reason },
      currentContext(),
    );
  }
}

@CommandHandler(JustifyAbsence)
export class JustifyAbsenceHandler implements ICommandHandler<JustifyAbsence> {
  constructor(
    @Inject(ChildDirectory) private readonly children: ChildDirectory,
    @Inject(ServiceDayWriter) private readonly days: ServiceDayWriter,
  ) {}

  async execute(command: JustifyAbsence): Promise<void> {
    await childOfFamily(this.children, command.familyId, command.slot.childId);
    await this.days.execute(
      serviceDayStream(command.slot.serviceCode, command.slot.date),
      { type: 'JustifyAbsence', familyId: command.familyId, childId: command.slot.childId, reference: command.reference },
      currentContext(),
    );
  }
}

/** A tablet's clock may run ahead: a mark is never dated after the server's now. */
const markedAt = (sent: string | null, now: Date): string => {
  const at = sent ? new Date(sent) : now;
  return (Number.isNaN(at.getTime()) || at > now ? now : at).toISOString();
};

/** Staff mark who came (attendance sheet); a tablet that was offline sends its marks later, each with the time it was taken. */
@CommandHandler(RecordAttendance)
export class RecordAttendanceHandler implements ICommandHandler<RecordAttendance> {
  constructor(
    @Inject(CatalogueReader) private readonly catalogue: CatalogueReader,
    @Inject(ChildDirectory) private readonly children: ChildDirectory,
    @Inject(ServiceDayWriter) private readonly days: ServiceDayWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: RecordAttendance): Promise<void> {
    await this.catalogue.service(command.serviceCode);
    const child = (await this.children.find([command.childId])).get(command.childId);
    if (!child) throw new NotFoundError('CHILD.NOT_FOUND', 'Enfant introuvable.');
    await this.days.execute(
      serviceDayStream(command.serviceCode, command.date),
      {
        type: 'RecordAttendance',
        serviceCode: command.serviceCode,
        date: command.date,
        familyId: child.familyId,
        childId: child.childId,
        status: command.status,
        markedAt: markedAt(command.markedAt, this.clock.now()),
      },
      currentContext(),
    );
  }
}
