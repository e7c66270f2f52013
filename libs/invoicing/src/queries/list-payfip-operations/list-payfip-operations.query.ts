import { Query } from '@nestjs/cqrs';
import type { ListPayfipOperationsHandler } from './list-payfip-operations.handler.js';

export type PayfipOperationsView = Awaited<ReturnType<ListPayfipOperationsHandler['read']>>;

/** PayFIP operations and their state, newest first, with the repair job's last run. */
export class ListPayfipOperations extends Query<PayfipOperationsView> {
  constructor(readonly status?: string) {
    super();
  }
}
