import { Command } from '@nestjs/cqrs';

/** One e-mail held (no SMTP then) or failed, sent again. */
export class ResendMail extends Command<{ released: number }> {
  constructor(readonly mailId: string) {
    super();
  }
}
