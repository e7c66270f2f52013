import { Query } from '@nestjs/cqrs';
import type { WaitingList } from './get-waiting-list.view.js';

export class GetWaitingList extends Query<WaitingList> {
  constructor(
    readonly serviceCode: string,
    readonly date: string,
  ) {
    super();
  }
}
