import { Command } from '@nestjs/cqrs';
import type { StaffRole } from './create-staff-account.request.js';

export interface NewStaffAccount {
  email: string;
  displayName: string;
  role: StaffRole;
  password: string;
  passwordConfirmation: string;
}

/** An admin (or the demo town's seed) opens a staff login. */
export class CreateStaffAccount extends Command<{ accountId: string }> {
  constructor(readonly account: NewStaffAccount) {
    super();
  }
}
