import { Command } from '@nestjs/cqrs';

/** The places per day of a prestation (null: no limit). */
export class ChangeCapacity extends Command<void> {
  constructor(
    readonly code: string,
    readonly dailyCapacity: number | null,
  ) {
    super();
  }
}
