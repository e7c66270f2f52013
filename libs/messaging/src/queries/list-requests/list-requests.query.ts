import { Query } from '@nestjs/cqrs';
import type { RequestSummaryView } from '#ardoise/contracts';

/** "Mes demandes": a parent's own family's threads; for staff, every thread or one family's. */
export class ListRequests extends Query<RequestSummaryView[]> {
  constructor(
    readonly familyId: string | undefined,
    readonly status: 'open' | 'closed' | undefined,
  ) {
    super();
  }
}
