import { Command } from '@nestjs/cqrs';
import type { AuditJob } from '../../jobs/audit-jobs.js';

/**
 * A verification of the read models (rebuilt aside and compared) or of the log's hash chain.
 * It reads and changes no data: its only write is its own job row.
 */
export class StartVerification extends Command<AuditJob> {
  constructor(
    readonly kind: 'read-models' | 'chain',
    readonly projection?: string,
  ) {
    super();
  }
}
