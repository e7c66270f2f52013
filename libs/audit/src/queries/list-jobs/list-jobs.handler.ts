import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AuditJobs, type AuditJob } from '../../jobs/audit-jobs.js';
import { ListJobs } from './list-jobs.query.js';

@QueryHandler(ListJobs)
export class ListJobsHandler implements IQueryHandler<ListJobs> {
  constructor(@Inject(AuditJobs) private readonly jobs: AuditJobs) {}

  execute(): Promise<AuditJob[]> {
    return this.jobs.list();
  }
}
