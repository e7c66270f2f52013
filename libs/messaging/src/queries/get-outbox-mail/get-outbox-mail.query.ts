import { Query } from '@nestjs/cqrs';
import type { OutboxMailView } from '#ardoise/contracts';

/** One e-mail of the outbox, in full (text and HTML). */
export class GetOutboxMail extends Query<OutboxMailView> {
  constructor(readonly mailId: string) {
    super();
  }
}
