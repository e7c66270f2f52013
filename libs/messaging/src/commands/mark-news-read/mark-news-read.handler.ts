import { Inject } from '@nestjs/common';
import { CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { currentContext } from '#ardoise/commands';
import { DATABASE } from '#ardoise/database';
import type { MessagingDatabase } from '../../projections/messaging-database.js';
import { GetNews } from '../../queries/get-news/get-news.query.js';
import { NEWS_READS_TABLE } from '../../queries/list-news/news-views.js';
import { MarkNewsRead } from './mark-news-read.command.js';

@CommandHandler(MarkNewsRead)
export class MarkNewsReadHandler implements ICommandHandler<MarkNewsRead> {
  constructor(
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(DATABASE) private readonly db: Kysely<MessagingDatabase>,
  ) {}

  async execute({ newsId }: MarkNewsRead): Promise<void> {
    // Only a news item the person may read: another family's, or an unknown one, answers 404.
    await this.queries.execute(new GetNews(newsId));
    await this.db
      .insertInto(NEWS_READS_TABLE)
      .values({ account_id: currentContext().actor.userId, news_id: newsId })
      .onConflict((oc) => oc.columns(['account_id', 'news_id']).doNothing())
      .execute();
  }
}
