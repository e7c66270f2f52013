import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import type { NewsListView } from '#ardoise/contracts';
import { CLOCK, currentContext, type Clock } from '#ardoise/commands';
import { DATABASE } from '#ardoise/database';
import { FAMILY_AUDIENCE_RESOLVER, type FamilyAudienceResolver } from '../../audience/family-audience.js';
import type { MessagingDatabase } from '../../projections/messaging-database.js';
import { ListNews } from './list-news.query.js';
import { allNews, newsForFamily } from './news-views.js';

@QueryHandler(ListNews)
export class ListNewsHandler implements IQueryHandler<ListNews> {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<MessagingDatabase>,
    @Inject(FAMILY_AUDIENCE_RESOLVER) private readonly audiences: FamilyAudienceResolver,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(): Promise<NewsListView> {
    const actor = currentContext().actor;
    if (actor.role !== 'parent') return allNews(this.db, this.clock.now());
    return newsForFamily(this.db, actor.userId, await this.audiences.resolve(actor.familyId!, this.clock.now()), this.clock.now());
  }
}
