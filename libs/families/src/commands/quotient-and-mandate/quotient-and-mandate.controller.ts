import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AggregateRepository, currentContext } from '#ardoise/commands';
import { Roles } from '#ardoise/identity';
import type { DebtorAccount } from '../../domain/bank-account.js';
import { familyStream } from '../../domain/family-events.js';
import { familyDecider, type FamilyCommand } from '../../domain/family.decider.js';
import { PersonalDataCipher } from '../../privacy/personal-data-cipher.js';
import { RevokeMandateRequest, SetQuotientRequest, SignMandateRequest } from './quotient-and-mandate.requests.js';
import { SetQuotientService } from './set-quotient.service.js';

/** Money matters of a family's file: set by the town's agents or its finance staff, never by the parent. */
@ApiTags('familles')
@Controller('families/:familyId')
@Roles('agent', 'finance', 'admin')
export class QuotientAndMandateController {
  constructor(
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
    @Inject(PersonalDataCipher) private readonly cipher: PersonalDataCipher,
    @Inject(SetQuotientService) private readonly quotients: SetQuotientService,
  ) {}

  @Put('quotient')
  @HttpCode(204)
  @ApiOperation({ summary: 'Enregistrer le quotient familial (montant, validité, justificatif)' })
  async setQuotient(@Param('familyId', new ParseUUIDPipe()) familyId: string, @Body() body: SetQuotientRequest): Promise<void> {
    await this.quotients.set(familyId, body);
  }

  @Put('direct-debit-mandate')
  @HttpCode(204)
  @ApiOperation({ summary: 'Enregistrer un mandat de prélèvement SEPA signé' })
  async signMandate(@Param('familyId', new ParseUUIDPipe()) familyId: string, @Body() body: SignMandateRequest) {
    // The IBAN is personal data: sealed with the family's key, readable until the family is forgotten.
    const debtorAccount = await this.cipher.seal<DebtorAccount>(familyId, { iban: body.iban, bic: body.bic ?? null });
    return this.handle({ type: 'SignMandate', familyId, mandateReference: body.mandateReference, signedOn: body.signedOn, debtorAccount });
  }

  @Post('direct-debit-mandate/revocation')
  @HttpCode(204)
  @ApiOperation({ summary: 'Révoquer le mandat de prélèvement' })
  revokeMandate(@Param('familyId', new ParseUUIDPipe()) familyId: string, @Body() body: RevokeMandateRequest) {
    return this.handle({ type: 'RevokeMandate', familyId, revokedOn: body.revokedOn });
  }

  private async handle(command: FamilyCommand): Promise<void> {
    await this.repository.handle(familyStream(command.familyId), familyDecider, command, currentContext(), { retriesOnConflict: 3 });
  }
}
