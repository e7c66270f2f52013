import { Command } from '@nestjs/cqrs';

/** Ask PayFIP again about every operation still pending a minute after it began (every minute, or asked by finance). */
export class RepairPayfipOperations extends Command<{ checked: number; settled: number }> {
  constructor(readonly trigger: 'schedule' | 'finance' = 'schedule') {
    super();
  }
}
