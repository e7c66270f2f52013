import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, currentContext } from '#ardoise/commands';
import { newsStream } from '../../domain/news-events.js';
import { newsDecider } from '../../domain/news.decider.js';
import { WithdrawNews } from './withdraw-news.command.js';

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
