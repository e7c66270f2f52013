import { Query } from '@nestjs/cqrs';
import type { AuditJob } from '../../jobs/audit-jobs.js';

/** The latest rebuilds and verifications. */
export class ListJobs extends Query<AuditJob[]> {}
