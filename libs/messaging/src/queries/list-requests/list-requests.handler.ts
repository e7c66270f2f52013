import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import type { RequestSummaryView } from '#ardoise/contracts';
import { DATABASE } from '#ardoise/database';
import { assertCanReadFamily } from '#ardoise/identity';
import type { MessagingDatabase } from '../../projections/messaging-database.js';
import { REQUESTS_TABLE } from '../../projections/erase-family-requests.js';
import { ownFamily } from '../../threads/thread-access.js';
import { ListRequests } from './list-requests.query.js';
import { toRequestSummary } from './request-views.js';

@QueryHandler(ListRequests)
export class ListRequestsHandler implements IQueryHandler<ListRequests> {
  constructor(@Inject(DATABASE) private readonly db: Kysely<MessagingDatabase>) {}

  async execute(filter: ListRequests): Promise<RequestSummaryView[]> {
    // A parent reads their own family's requests; asking for another family answers 404.
    const familyId = filter.familyId ?? ownFamily();
    if (familyId) assertCanReadFamily(familyId);
    let query = this.db.selectFrom(REQUESTS_TABLE).selectAll();
    if (familyId) query = query.where('family_id', '=', familyId);
    if (filter.status) query = query.where('status', '=', filter.status);
    const rows = await query.orderBy('last_activity_at', 'desc').orderBy('id').limit(500).execute();
    return rows.map(toRequestSummary);
  }
}
