import { Query } from '@nestjs/cqrs';
import type { StoredFile } from '../../payments/direct-debit/finance-files.js';

/** A file made for the bank or the public accountant, with its content, to download again. */
export class GetFinanceFile extends Query<StoredFile & { content: string }> {
  constructor(readonly fileId: string) {
    super();
  }
}
