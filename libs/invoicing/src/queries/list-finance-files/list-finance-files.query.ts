import { Query } from '@nestjs/cqrs';
import type { ListFinanceFilesHandler } from './list-finance-files.handler.js';

export type FinanceFileView = Awaited<ReturnType<ListFinanceFilesHandler['read']>>[number];

/** Files made for the bank (`sepa_collection`) or the public accountant (`collection_titles`), newest first, without content. */
export class ListFinanceFiles extends Query<FinanceFileView[]> {
  constructor(readonly kind?: string) {
    super();
  }
}
