import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, currentContext } from '#ardoise/commands';
import { familyStream } from '../../domain/family-events.js';
import { familyDecider } from '../../domain/family.decider.js';
import { RemoveChild } from './remove-child.command.js';

@CommandHandler(RemoveChild)
export class RemoveChildHandler implements ICommandHandler<RemoveChild> {
  constructor(@Inject(AggregateRepository) private readonly repository: AggregateRepository) {}

  async execute({ familyId, childId }: RemoveChild): Promise<void> {
    await this.repository.handle(familyStream(familyId), familyDecider, { type: 'RemoveChild', familyId, childId }, currentContext(), { retriesOnConflict: 3 });
  }
}
