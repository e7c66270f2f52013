import { Query } from '@nestjs/cqrs';
import type { WaitingDays } from './list-waiting-days.view.js';

/** The days of a prestation, within a period, with children on the waiting list. */
export class ListWaitingDays extends Query<WaitingDays> {
  constructor(
    readonly serviceCode: string,
    readonly from: string,
    readonly to: string,
  ) {
    super();
  }
}
