import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, currentContext } from '#ardoise/commands';
import { authorOf, decideOnThread, writableThread } from '../../threads/thread-access.js';
import { ReopenRequest } from './reopen-request.command.js';

@CommandHandler(ReopenRequest)
export class ReopenRequestHandler implements ICommandHandler<ReopenRequest> {
  constructor(@Inject(AggregateRepository) private readonly repository: AggregateRepository) {}

  async execute(command: ReopenRequest): Promise<void> {
    await writableThread(this.repository, command.requestId);
    await decideOnThread(this.repository, command.requestId, { type: 'ReopenRequest', author: authorOf(currentContext().actor) });
  }
}
