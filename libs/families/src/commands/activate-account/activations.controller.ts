import { Body, Controller, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public, SessionCookies, type SignedIn } from '#ardoise/identity';
import { ChildrenStepInput } from '../inputs/child.input.js';
import { FamilyAccountStepInput } from '../inputs/family-account.input.js';
import { GuardiansStepInput } from '../inputs/guardian.input.js';
import { ActivateAccountService, type ActivationLink } from './activate-account.service.js';
import { ActivationRequest } from './activation.request.js';

/** Reached from the activation e-mail, before any account exists: public, the link is the key. */
@Public()
@ApiTags('création de compte')
@Controller('activations/:token')
export class ActivationsController {
  constructor(
    @Inject(ActivateAccountService) private readonly service: ActivateAccountService,
    @Inject(SessionCookies) private readonly cookies: SessionCookies,
  ) {}

  @Get()
  @ApiOperation({ summary: "Le lien d'activation est-il valable ? (adresse e-mail invitée)" })
  link(@Param('token') token: string): Promise<ActivationLink> {
    return this.service.link(token);
  }

  @Post('steps/family-account')
  @HttpCode(204)
  @ApiOperation({ summary: 'Étape 1 « Compte famille » : vérifier sans rien enregistrer' })
  checkAccount(@Param('token') token: string, @Body() body: FamilyAccountStepInput): Promise<void> {
    return this.service.checkAccount(token, body);
  }

  @Post('steps/guardians')
  @HttpCode(204)
  @ApiOperation({ summary: 'Étape 2 « Responsables » : vérifier sans rien enregistrer' })
  checkGuardians(@Param('token') token: string, @Body() body: GuardiansStepInput): Promise<void> {
    return this.service.checkGuardians(token, body);
  }

  @Post('steps/children')
  @HttpCode(204)
  @ApiOperation({ summary: 'Étape 3 « Enfants » : vérifier sans rien enregistrer' })
  checkChildren(@Param('token') token: string, @Body() body: ChildrenStepInput): Promise<void> {
    return this.service.checkChildren(token, body);
  }

  @Post()
  @ApiOperation({ summary: "S'enregistrer : crée le compte famille, les responsables, les enfants, et connecte le parent" })
  async complete(@Param('token') token: string, @Body() body: ActivationRequest, @Res({ passthrough: true }) response: Response): Promise<SignedIn> {
    const { signedIn, session } = await this.service.complete(token, body);
    this.cookies.set(response, session.token, session.csrfToken);
    return signedIn;
  }
}
