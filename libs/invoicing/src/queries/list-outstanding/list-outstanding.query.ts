import { Query } from '@nestjs/cqrs';
import type { ListOutstandingHandler } from './list-outstanding.handler.js';

export type OutstandingView = Awaited<ReturnType<ListOutstandingHandler['read']>>[number];

/** What each family has left to pay. */
export class ListOutstanding extends Query<OutstandingView[]> {}
