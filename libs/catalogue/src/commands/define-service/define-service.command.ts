import { Command } from '@nestjs/cqrs';
import type { ServiceDefined } from '../../domain/catalogue-events.js';

export class DefineService extends Command<{ code: string }> {
  constructor(readonly service: ServiceDefined['data']) {
    super();
  }
}
