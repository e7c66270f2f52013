import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import type { NewsView } from '#ardoise/contracts';
import { CLOCK, currentContext, type Clock } from '#ardoise/commands';
import { DATABASE } from '#ardoise/database';
import { FAMILY_AUDIENCE_RESOLVER, type FamilyAudienceResolver } from '../../audience/family-audience.js';
import { newsNotFound } from '../../domain/news.decider.js';
import type { MessagingDatabase } from '../../projections/messaging-database.js';
import { newsForFamily, oneNews } from '../list-news/news-views.js';
import { GetNews } from './get-news.query.js';

@QueryHandler(GetNews)
export class GetNewsHandler implements IQueryHandler<GetNews> {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<MessagingDatabase>,
    @Inject(FAMILY_AUDIENCE_RESOLVER) private readonly audiences: FamilyAudienceResolver,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ newsId }: GetNews): Promise<NewsView> {
    const actor = currentContext().actor;
    if (actor.role !== 'parent') return oneNews(this.db, newsId, this.clock.now());
    const { items } = await newsForFamily(this.db, actor.userId, await this.audiences.resolve(actor.familyId!, this.clock.now()), this.clock.now(), newsId);
    if (!items[0]) throw newsNotFound();
    return items[0];
  }
}
