import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { STAFF_ROLES, type StaffRole } from '../create-staff-account/create-staff-account.request.js';

export class ChangeStaffRoleRequest {
  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES, { message: 'Le rôle doit être agent, finance, auditor ou admin.' })
  role!: StaffRole;
}
