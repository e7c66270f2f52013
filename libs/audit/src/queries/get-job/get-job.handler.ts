import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AuditJobs, type AuditJob } from '../../jobs/audit-jobs.js';
import { GetJob } from './get-job.query.js';

@QueryHandler(GetJob)
export class GetJobHandler implements IQueryHandler<GetJob> {
  constructor(@Inject(AuditJobs) private readonly jobs: AuditJobs) {}

  execute({ jobId }: GetJob): Promise<AuditJob> {
    return this.jobs.get(jobId);
  }
}
