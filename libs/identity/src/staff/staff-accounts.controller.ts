import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { StaffAccountSummary } from '#ardoise/contracts';
import { ValidationError } from '#ardoise/kernel';
import { Roles } from '../access/access.decorators.js';
import { AccountStore } from '../accounts/account-store.js';
import { NewPasswordRequest } from '../passwords/password-reset.requests.js';
import { ChangeStaffRoleRequest } from './change-staff-account.requests.js';
import { CreateStaffAccountRequest } from './create-staff-account.request.js';
import { CreateStaffAccountService } from './create-staff-account.service.js';
import { StaffAccountChangesService } from './staff-account-changes.service.js';

const accountIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => new ValidationError([{ field: 'accountId', messages: ['Identifiant de compte invalide.'] }]),
});

/** The town's staff logins, managed by admins (/admin/comptes); auditors read everything, so they read the list too. */
@ApiTags('administration')
@Controller('staff-accounts')
@Roles('admin')
export class StaffAccountsController {
  constructor(
    @Inject(CreateStaffAccountService) private readonly service: CreateStaffAccountService,
    @Inject(StaffAccountChangesService) private readonly changes: StaffAccountChangesService,
    @Inject(AccountStore) private readonly accounts: AccountStore,
  ) {}

  @Get()
  @Roles('admin', 'auditor')
  @ApiOperation({ summary: 'Les comptes du personnel (agents, finances, auditeurs, administrateurs)' })
  async list(): Promise<StaffAccountSummary[]> {
    return (await this.accounts.listStaff()).map((a) => ({
      accountId: a.id,
      email: a.email,
      displayName: a.displayName,
      role: a.role as StaffAccountSummary['role'],
      status: a.status,
      createdAt: a.createdAt.toISOString(),
    }));
  }

  @Post()
  @ApiOperation({ summary: 'Créer un compte agent, finances, auditeur ou administrateur' })
  create(@Body() body: CreateStaffAccountRequest): Promise<{ accountId: string }> {
    return this.service.create(body);
  }

  @Put(':accountId/role')
  @HttpCode(204)
  @ApiOperation({ summary: 'Changer le rôle d’un compte (il doit rester un administrateur actif)' })
  async changeRole(@Param('accountId', accountIdPipe) accountId: string, @Body() body: ChangeStaffRoleRequest): Promise<void> {
    await this.changes.changeRole(accountId, body.role);
  }

  @Post(':accountId/disable')
  @HttpCode(204)
  @ApiOperation({ summary: 'Désactiver un compte : plus de connexion, ses sessions sont fermées (il doit rester un administrateur actif)' })
  async disable(@Param('accountId', accountIdPipe) accountId: string): Promise<void> {
    await this.changes.disable(accountId);
  }

  @Post(':accountId/enable')
  @HttpCode(204)
  @ApiOperation({ summary: 'Réactiver un compte désactivé' })
  async enable(@Param('accountId', accountIdPipe) accountId: string): Promise<void> {
    await this.changes.enable(accountId);
  }

  @Post(':accountId/password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Donner un nouveau mot de passe à un compte (toutes ses sessions sont fermées)' })
  async resetPassword(@Param('accountId', accountIdPipe) accountId: string, @Body() body: NewPasswordRequest): Promise<void> {
    await this.changes.resetPassword(accountId, body.password, body.passwordConfirmation);
  }
}
