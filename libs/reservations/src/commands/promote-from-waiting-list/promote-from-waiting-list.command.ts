import { Command } from '@nestjs/cqrs';

/** An agent gives a free place of one day to a chosen waiting child, or to the first ones in line. */
export class PromoteFromWaitingList extends Command<{ promoted: string[] }> {
  constructor(
    readonly serviceCode: string,
    readonly date: string,
    /** null: the first in line, up to the free places. */
    readonly reservationId: string | null,
  ) {
    super();
  }
}
