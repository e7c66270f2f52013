import { Command } from '@nestjs/cqrs';
import type { StaffRole } from '../create-staff-account/create-staff-account.request.js';

export class ChangeStaffRole extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly role: StaffRole,
  ) {
    super();
  }
}
