import { Body, Controller, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { ActivationLink } from '#ardoise/contracts';
import { Public, writeCookies, type SignedIn } from '#ardoise/identity';
import { ActivateAccount } from '../commands/activate-account/activate-account.command.js';
import { ActivationRequest } from '../commands/activate-account/activate-account.request.js';
import { CheckActivationStep } from '../queries/check-activation-step/check-activation-step.query.js';
import { ReadActivationLink } from '../queries/read-activation-link/read-activation-link.query.js';
import { ChildrenStepInput } from '../requests/child.input.js';
import { FamilyAccountStepInput } from '../requests/family-account.input.js';
import { GuardiansStepInput } from '../requests/guardian.input.js';

/** Reached from the activation e-mail, before any account exists: public, the link is the key. */
@Public()
@ApiTags('création de compte')
@Controller('activations/:token')
export class ActivationsController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: "Le lien d'activation est-il valable ? (adresse e-mail invitée)" })
  link(@Param('token') token: string): Promise<ActivationLink> {
    return this.queries.execute(new ReadActivationLink(token));
  }

  @Post('steps/family-account')
  @HttpCode(204)
  @ApiOperation({ summary: 'Étape 1 « Compte famille » : vérifier sans rien enregistrer' })
  checkAccount(@Param('token') token: string, @Body() body: FamilyAccountStepInput): Promise<void> {
    return this.queries.execute(new CheckActivationStep(token, { step: 'family-account', input: body }));
  }

  @Post('steps/guardians')
  @HttpCode(204)
  @ApiOperation({ summary: 'Étape 2 « Responsables » : vérifier sans rien enregistrer' })
  checkGuardians(@Param('token') token: string, @Body() body: GuardiansStepInput): Promise<void> {
    return this.queries.execute(new CheckActivationStep(token, { step: 'guardians', input: body }));
  }

  @Post('steps/children')
  @HttpCode(204)
  @ApiOperation({ summary: 'Étape 3 « Enfants » : vérifier sans rien enregistrer' })
  checkChildren(@Param('token') token: string, @Body() body: ChildrenStepInput): Promise<void> {
    return this.queries.execute(new CheckActivationStep(token, { step: 'children', input: body }));
  }

  @Post()
  @ApiOperation({ summary: "S'enregistrer : crée le compte famille, les responsables, les enfants, et connecte le parent" })
  async complete(@Param('token') token: string, @Body() body: ActivationRequest, @Res({ passthrough: true }) response: Response): Promise<SignedIn> {
    const { signedIn, cookies } = await this.commands.execute(new ActivateAccount(token, body));
    writeCookies(response, cookies);
    return signedIn;
  }
}
