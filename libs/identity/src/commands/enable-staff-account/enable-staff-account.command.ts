import { Command } from '@nestjs/cqrs';

/** A disabled staff login is reopened. */
export class EnableStaffAccount extends Command<void> {
  constructor(readonly accountId: string) {
    super();
  }
}
