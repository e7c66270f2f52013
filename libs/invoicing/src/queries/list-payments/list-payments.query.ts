import { Query } from '@nestjs/cqrs';
import type { ListPaymentsHandler } from './list-payments.handler.js';

export type PaymentView = Awaited<ReturnType<ListPaymentsHandler['read']>>[number];

/** Payments by means and by date. */
export class ListPayments extends Query<PaymentView[]> {
  constructor(readonly filter: { from?: string; to?: string; means?: string }) {
    super();
  }
}
