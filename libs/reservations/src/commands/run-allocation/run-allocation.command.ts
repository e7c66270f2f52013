import { Command } from '@nestjs/cqrs';

export class RunAllocation extends Command<{ days: number; validated: number; waitlisted: number }> {
  constructor(
    readonly serviceCode: string,
    readonly openingId: string,
  ) {
    super();
  }
}
