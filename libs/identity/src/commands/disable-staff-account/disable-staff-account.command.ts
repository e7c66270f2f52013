import { Command } from '@nestjs/cqrs';

/** A disabled staff login cannot sign in; its sessions and links end. */
export class DisableStaffAccount extends Command<void> {
  constructor(readonly accountId: string) {
    super();
  }
}
