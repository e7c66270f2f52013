import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, CLOCK, currentContext, type Clock } from '#ardoise/commands';
import { newsStream } from '../../domain/news-events.js';
import { newsDecider } from '../../domain/news.decider.js';
import { PublishNews } from './publish-news.command.js';

@CommandHandler(PublishNews)
export class PublishNewsHandler implements ICommandHandler<PublishNews> {
  constructor(
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ draft }: PublishNews): Promise<{ newsId: string }> {
    const newsId = randomUUID();
    await this.repository.handle(
      newsStream(newsId),
      newsDecider,
      { type: 'PublishNews', now: this.clock.now(), news: { newsId, ...draft, week: draft.week ?? null } },
      currentContext(),
      { retriesOnConflict: 0 },
    );
    return { newsId };
  }
}
