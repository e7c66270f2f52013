import { Command } from '@nestjs/cqrs';
import type { SendToCollectionHandler } from './send-to-collection.handler.js';

export type CollectionBatch = Awaited<ReturnType<SendToCollectionHandler['send']>>;

/**
 * Hand unpaid invoices past their due date to the public accountant (titre exécutoire), with
 * the file of titles. `invoiceId`: that one invoice only (from its page, dated today in
 * Paris); otherwise every invoice overdue on `asOf` (today when absent).
 */
export class SendToCollection extends Command<CollectionBatch> {
  constructor(
    readonly asOf?: string,
    readonly invoiceId?: string,
  ) {
    super();
  }
}
