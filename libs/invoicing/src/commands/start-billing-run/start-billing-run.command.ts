import { Command } from '@nestjs/cqrs';
import type { BillingRunProgress } from '#ardoise/contracts';

/**
 * Bill a month that is over: one invoice per family. Answers at once with the run's progress
 * (the run goes on in the background), or, with `waitForEnd` (CLI, bench, seed), when the run
 * is over, reporting its progress after each batch.
 */
export class StartBillingRun extends Command<BillingRunProgress> {
  constructor(
    readonly period: string,
    readonly trigger: 'finance' | 'schedule' | 'cli',
    readonly waitForEnd = false,
    readonly onProgress?: (progress: BillingRunProgress) => void,
  ) {
    super();
  }
}
