import { Command } from '@nestjs/cqrs';
import type { Closure } from '../../domain/town-calendar.js';

/** A day the town closes (a strike, works), for every prestation or some. */
export class DeclareClosure extends Command<void> {
  constructor(readonly closure: Closure) {
    super();
  }
}
