import { Command } from '@nestjs/cqrs';

/** After the town raised a capacity: every day of the range with children waiting gets its free places filled. */
export class PromoteAfterCapacityRaise extends Command<{ days: number; promoted: number }> {
  constructor(
    readonly serviceCode: string,
    readonly from: string,
    readonly to: string,
  ) {
    super();
  }
}
