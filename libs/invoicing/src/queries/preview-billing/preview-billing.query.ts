import { Query } from '@nestjs/cqrs';
import type { BillingPreview } from '#ardoise/contracts';

/** A dry run of a month's billing: nothing numbered nor written. */
export class PreviewBilling extends Query<BillingPreview> {
  constructor(readonly period: string) {
    super();
  }
}
