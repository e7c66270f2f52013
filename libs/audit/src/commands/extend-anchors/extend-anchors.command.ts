import { Command } from '@nestjs/cqrs';

/** Writes the anchors the log now allows; answers how many. */
export class ExtendAnchors extends Command<number> {}
