import { Body, Controller, Inject, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../access/access.decorators.js';
import { CreateStaffAccountRequest } from './create-staff-account.request.js';
import { CreateStaffAccountService } from './create-staff-account.service.js';

@ApiTags('administration')
@Controller('staff-accounts')
@Roles('admin')
export class StaffAccountsController {
  constructor(@Inject(CreateStaffAccountService) private readonly service: CreateStaffAccountService) {}

  @Post()
  @ApiOperation({ summary: 'Créer un compte agent, finances, auditeur ou administrateur' })
  create(@Body() body: CreateStaffAccountRequest): Promise<{ accountId: string }> {
    return this.service.create(body);
  }
}
