import { Command } from '@nestjs/cqrs';

/** A news item taken down (parents no longer see it; staff see it as withdrawn). */
export class WithdrawNews extends Command<void> {
  constructor(
    readonly newsId: string,
    readonly reason: string | null,
  ) {
    super();
  }
}
