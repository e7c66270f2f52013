import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { currentContext } from '#ardoise/commands';
import { FamilyChildrenReader } from '#ardoise/families';
import { childOfFamily } from '../../children/child-of-family.js';
import { serviceDayStream } from '../../domain/reservation-events.js';
import { ServiceDayWriter } from '../../service-day/service-day-writer.js';
import { JustifyAbsence } from './justify-absence.command.js';

@CommandHandler(JustifyAbsence)
export class JustifyAbsenceHandler implements ICommandHandler<JustifyAbsence> {
  constructor(
    @Inject(FamilyChildrenReader) private readonly children: FamilyChildrenReader,
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
