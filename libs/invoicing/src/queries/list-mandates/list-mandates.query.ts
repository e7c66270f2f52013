import { Query } from '@nestjs/cqrs';
import type { ListMandatesHandler } from './list-mandates.handler.js';

export type MandateView = Awaited<ReturnType<ListMandatesHandler['read']>>[number];

/** The families' SEPA direct-debit mandates, newest first. */
export class ListMandates extends Query<MandateView[]> {}
