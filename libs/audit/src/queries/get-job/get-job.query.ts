import { Query } from '@nestjs/cqrs';
import type { AuditJob } from '../../jobs/audit-jobs.js';

/** A rebuild's or a verification's progress and result. */
export class GetJob extends Query<AuditJob> {
  constructor(readonly jobId: string) {
    super();
  }
}
