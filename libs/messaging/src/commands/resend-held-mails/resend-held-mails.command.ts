import { Command } from '@nestjs/cqrs';

/** Every e-mail held while no SMTP server was configured, sent now that one is. */
export class ResendHeldMails extends Command<{ released: number }> {}
