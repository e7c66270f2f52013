import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { AggregateRepository, currentContext } from '#ardoise/commands';
import { DATABASE } from '#ardoise/database';
import { FAMILY_PERSONAL_DATA, type FamilyPersonalData } from '../../privacy/family-personal-data.js';
import { assertTurnableIntoQuotient, quotientProofReference, quotientUpdatedMessage } from '../../domain/qf-proof.js';
import { requestStream } from '../../domain/request-events.js';
import { requestDecider, type RequestCommand } from '../../domain/request.decider.js';
import { FAMILY_QUOTIENT, type FamilyQuotient } from '../../quotient/family-quotient.port.js';
import type { MessagingDatabase } from '../../projections/messaging-database.js';
import { TurnProofIntoQuotient, type QuotientFromRequest } from './turn-proof-into-quotient.command.js';

/**
 * Three facts, each through its own context's command and with the agent as actor:
 * `QuotientFamilialSet` (families, with the request and the family's file as proof),
 * then a staff `RequestMessagePosted` telling the family, then `RequestClosed`.
 * The quotient comes first: if the families context refuses it (dates, unknown family),
 * the thread is left untouched.
 */
@CommandHandler(TurnProofIntoQuotient)
export class TurnProofIntoQuotientHandler implements ICommandHandler<TurnProofIntoQuotient> {
  constructor(
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
    @Inject(FAMILY_QUOTIENT) private readonly quotients: FamilyQuotient,
    @Inject(FAMILY_PERSONAL_DATA) private readonly personalData: FamilyPersonalData,
    @Inject(DATABASE) private readonly db: Kysely<MessagingDatabase>,
  ) {}

  async execute(command: TurnProofIntoQuotient): Promise<QuotientFromRequest> {
    const stream = requestStream(command.requestId);
    const request = assertTurnableIntoQuotient((await this.repository.load(stream, requestDecider)).state);
    const actor = currentContext().actor;
    actor.onBehalfOfFamilyId = request.familyId; // staff act for the family: recorded in every event's metadata
    const quotient = { amount: command.amount, validFrom: command.validFrom, validUntil: command.validUntil };
    const proofReference = quotientProofReference(request);
    await this.quotients.set(request.familyId, { ...quotient, proofReference });

    const messageId = randomUUID();
    const body = await this.personalData.seal(request.familyId, quotientUpdatedMessage(quotient), this.db);
    await this.handle(stream, { type: 'PostMessage', messageId, body, author: 'staff' });
    await this.handle(stream, { type: 'CloseRequest', author: 'staff' });
    return { familyId: request.familyId, proofReference, messageId };
  }

  private async handle(stream: string, command: RequestCommand): Promise<void> {
    await this.repository.handle(stream, requestDecider, command, currentContext(), { retriesOnConflict: 3 });
  }
}
