import { Command } from '@nestjs/cqrs';
import type { AuditJob } from '../../jobs/audit-jobs.js';

/** An admin rebuilds one read model (or all) from the log, in the background, without stopping the service. */
export class StartRebuild extends Command<AuditJob> {
  constructor(
    readonly projection: string | undefined,
    readonly all: boolean,
  ) {
    super();
  }
}
