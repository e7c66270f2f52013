import { Command } from '@nestjs/cqrs';
import type { StoredFile } from '../../payments/direct-debit/finance-files.js';

export type DirectDebitBatch = StoredFile & {
  count: number;
  totalCents: number;
  invoices: string[];
  skipped: { number: string; reason: 'no_account' | 'erased'; line: string }[];
  report: string[];
};

/** Collect the invoices due on `dueOn` (today when absent) of the families with a mandate: the pain.008 file for the bank. */
export class CollectDirectDebits extends Command<DirectDebitBatch> {
  constructor(readonly dueOn?: string) {
    super();
  }
}
