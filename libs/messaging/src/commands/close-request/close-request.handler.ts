import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, currentContext } from '#ardoise/commands';
import { authorOf, decideOnThread, writableThread } from '../../threads/thread-access.js';
import { CloseRequest } from './close-request.command.js';

@CommandHandler(CloseRequest)
export class CloseRequestHandler implements ICommandHandler<CloseRequest> {
  constructor(@Inject(AggregateRepository) private readonly repository: AggregateRepository) {}

  async execute(command: CloseRequest): Promise<void> {
    await writableThread(this.repository, command.requestId);
    await decideOnThread(this.repository, command.requestId, { type: 'CloseRequest', author: authorOf(currentContext().actor) });
  }
}
