import { Query } from '@nestjs/cqrs';
import type { GetCollectionSummaryHandler } from './get-collection-summary.handler.js';

export type CollectionSummary = Awaited<ReturnType<GetCollectionSummaryHandler['read']>>;

/** "État récapitulatif des encaissements" of the régie for a month: per means and per day. */
export class GetCollectionSummary extends Query<CollectionSummary> {
  constructor(readonly month: string) {
    super();
  }
}
