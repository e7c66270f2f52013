import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FamilyQuotient, QuotientUpdate } from '#ardoise/messaging';
import { SetQuotient } from './set-quotient.command.js';

/** Messaging's FAMILY_QUOTIENT port (a QF proof turned into a quotient): the SetQuotient command. */
@Injectable()
export class FamilyQuotientAdapter implements FamilyQuotient {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  set(familyId: string, quotient: QuotientUpdate): Promise<void> {
    return this.commands.execute(new SetQuotient(familyId, quotient));
  }
}
