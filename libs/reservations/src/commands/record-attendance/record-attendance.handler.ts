import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CatalogueReader } from '#ardoise/catalogue';
import { CLOCK, currentContext, type Clock } from '#ardoise/commands';
import { FamilyChildrenReader } from '#ardoise/families';
import { NotFoundError } from '#ardoise/kernel';
import { serviceDayStream } from '../../domain/reservation-events.js';
import { ServiceDayWriter } from '../../service-day/service-day-writer.js';
import { RecordAttendance } from './record-attendance.command.js';

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
    @Inject(FamilyChildrenReader) private readonly children: FamilyChildrenReader,
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
