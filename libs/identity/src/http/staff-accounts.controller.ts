import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { StaffAccountSummary } from '#ardoise/contracts';
import { ValidationError } from '#ardoise/kernel';
import { Roles } from '../access/access.decorators.js';
import { ChangeStaffRole } from '../commands/change-staff-role/change-staff-role.command.js';
import { ChangeStaffRoleRequest } from '../commands/change-staff-role/change-staff-role.request.js';
import { CreateStaffAccount } from '../commands/create-staff-account/create-staff-account.command.js';
import { CreateStaffAccountRequest } from '../commands/create-staff-account/create-staff-account.request.js';
import { DisableStaffAccount } from '../commands/disable-staff-account/disable-staff-account.command.js';
import { EnableStaffAccount } from '../commands/enable-staff-account/enable-staff-account.command.js';
import { NewPasswordRequest } from '../commands/reset-password/reset-password.request.js';
import { SetStaffPassword } from '../commands/set-staff-password/set-staff-password.command.js';
import { ListStaffAccounts } from '../queries/list-staff-accounts/list-staff-accounts.query.js';

const accountIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => new ValidationError([{ field: 'accountId', messages: ['Identifiant de compte invalide.'] }]),
});

/** The town's staff logins, managed by admins (/admin/comptes); auditors read everything, so they read the list too. */
@ApiTags('administration')
@Controller('staff-accounts')
@Roles('admin')
export class StaffAccountsController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Get()
  @Roles('admin', 'auditor')
  @ApiOperation({ summary: 'Les comptes du personnel (agents, finances, auditeurs, administrateurs)' })
  list(): Promise<StaffAccountSummary[]> {
    return this.queries.execute(new ListStaffAccounts());
  }

  @Post()
  @ApiOperation({ summary: 'Créer un compte agent, finances, auditeur ou administrateur' })
  create(@Body() body: CreateStaffAccountRequest): Promise<{ accountId: string }> {
    return this.commands.execute(new CreateStaffAccount(body));
  }

  @Put(':accountId/role')
  @HttpCode(204)
  @ApiOperation({ summary: 'Changer le rôle d’un compte (il doit rester un administrateur actif)' })
  async changeRole(@Param('accountId', accountIdPipe) accountId: string, @Body() body: ChangeStaffRoleRequest): Promise<void> {
    await this.commands.execute(new ChangeStaffRole(accountId, body.role));
  }

  @Post(':accountId/disable')
  @HttpCode(204)
  @ApiOperation({ summary: 'Désactiver un compte : plus de connexion, ses sessions sont fermées (il doit rester un administrateur actif)' })
  async disable(@Param('accountId', accountIdPipe) accountId: string): Promise<void> {
    await this.commands.execute(new DisableStaffAccount(accountId));
  }

  @Post(':accountId/enable')
  @HttpCode(204)
  @ApiOperation({ summary: 'Réactiver un compte désactivé' })
  async enable(@Param('accountId', accountIdPipe) accountId: string): Promise<void> {
    await this.commands.execute(new EnableStaffAccount(accountId));
  }

  @Post(':accountId/password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Donner un nouveau mot de passe à un compte (toutes ses sessions sont fermées)' })
  async resetPassword(@Param('accountId', accountIdPipe) accountId: string, @Body() body: NewPasswordRequest): Promise<void> {
    await this.commands.execute(new SetStaffPassword(accountId, body.password, body.passwordConfirmation));
  }
}
