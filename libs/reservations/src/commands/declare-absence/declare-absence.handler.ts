import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { currentContext } from '#ardoise/commands';
import { FamilyChildrenReader } from '#ardoise/families';
import { childOfFamily } from '../../children/child-of-family.js';
import { serviceDayStream } from '../../domain/reservation-events.js';
import { ServiceDayWriter } from '../../service-day/service-day-writer.js';
import { DeclareAbsence } from './declare-absence.command.js';

@CommandHandler(DeclareAbsence)
export class DeclareAbsenceHandler implements ICommandHandler<DeclareAbsence> {
  constructor(
    @Inject(FamilyChildrenReader) private readonly children: FamilyChildrenReader,
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
