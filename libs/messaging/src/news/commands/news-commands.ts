import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, CLOCK, currentContext, type Clock } from '#ardoise/commands';
import { newsStream, type NewsAudience, type NewsKind } from '../domain/news-events.js';
import { newsDecider } from '../domain/news.decider.js';

export interface NewsDraft {
  kind: NewsKind;
  title: string;
  body: string;
  audience: NewsAudience;
  visibleFrom?: string;
  visibleUntil?: string;
  week?: string;
}

export class PublishNews extends Command<{ newsId: string }> {
  constructor(readonly draft: NewsDraft) {
    super();
  }
}

export class WithdrawNews extends Command<void> {
  constructor(
    readonly newsId: string,
    readonly reason: string | null,
  ) {
    super();
  }
}

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

@CommandHandler(WithdrawNews)
export class WithdrawNewsHandler implements ICommandHandler<WithdrawNews> {
  constructor(@Inject(AggregateRepository) private readonly repository: AggregateRepository) {}

  async execute(command: WithdrawNews): Promise<void> {
    await this.repository.handle(
      newsStream(command.newsId),
      newsDecider,
      { type: 'WithdrawNews', newsId: command.newsId, reason: command.reason },
      currentContext(),
      { retriesOnConflict: 3 },
    );
  }
}
