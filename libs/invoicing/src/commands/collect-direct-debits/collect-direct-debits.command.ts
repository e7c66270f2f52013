import { Command } from '@nestjs/cqrs';
import type { CollectDirectDebitsHandler } from './collect-direct-debits.handler.js';

export type DirectDebitBatch = Awaited<ReturnType<CollectDirectDebitsHandler['collect']>>;

/** Collect the invoices due on `dueOn` (today when absent) of the families with a mandate: the pain.008 file for the bank. */
export class CollectDirectDebits extends Command<DirectDebitBatch> {
  constructor(readonly dueOn?: string) {
    super();
  }
}
