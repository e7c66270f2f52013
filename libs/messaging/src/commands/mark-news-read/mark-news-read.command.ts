import { Command } from '@nestjs/cqrs';

/** The signed-in person's own read mark on a news item they may see (a marker, not a fact of the log). */
export class MarkNewsRead extends Command<void> {
  constructor(readonly newsId: string) {
    super();
  }
}
