import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import type { ErasureResult } from '#ardoise/contracts';
import { ValidationError } from '#ardoise/kernel';
import { PreviewErasure } from '../../queries/preview-erasure/preview-erasure.query.js';
import { ForgetFamily } from '../forget-family/forget-family.command.js';
import { ConfirmErasure } from './confirm-erasure.command.js';

/** Case, accents, and spaces do not matter in the typed confirmation. */
const sameFamilyName = (typed: string, name: string): boolean => {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toLocaleLowerCase('fr');
  return fold(typed) === fold(name);
};

/** The same erasure as DELETE /admin/families/:id, after the server checked the family's name as typed by the admin. */
@CommandHandler(ConfirmErasure)
export class ConfirmErasureHandler implements ICommandHandler<ConfirmErasure> {
  constructor(
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(CommandBus) private readonly commands: CommandBus,
  ) {}

  async execute({ familyId, typedFamilyName }: ConfirmErasure): Promise<ErasureResult> {
    const preview = await this.queries.execute(new PreviewErasure(familyId));
    if (!preview.alreadyForgotten && !sameFamilyName(typedFamilyName, preview.familyName ?? '')) {
      throw new ValidationError(
        [{ field: 'familyName', messages: ['Le nom tapé ne correspond pas au nom de la famille.'] }],
        'La confirmation ne correspond pas.',
      );
    }
    const report = await this.commands.execute(new ForgetFamily(familyId));
    return {
      familyId,
      alreadyForgotten: report.alreadyForgotten,
      keyDestroyed: report.keyDestroyed,
      accountsDeleted: report.accountsDeleted,
      eventRecorded: !report.alreadyForgotten,
    };
  }
}
