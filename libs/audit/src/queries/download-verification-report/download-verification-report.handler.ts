import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '#ardoise/commands';
import { ConflictError } from '#ardoise/kernel';
import { AuditAnchors } from '../../chain/audit-anchors.js';
import { AuditJobs } from '../../jobs/audit-jobs.js';
import { ReportSigner, type SignedReport } from '../../report/report-signer.js';
import { ANCHOR_HASH_FORMULA, EVENT_HASH_FORMULA, verdictOf, type VerificationReport } from '../../report/verification-report.js';
import { DownloadVerificationReport } from './download-verification-report.query.js';

/** Builds and signs the report of a finished verification, with the anchors of the log at that time. */
@QueryHandler(DownloadVerificationReport)
export class DownloadVerificationReportHandler implements IQueryHandler<DownloadVerificationReport> {
  constructor(
    @Inject(AuditJobs) private readonly jobs: AuditJobs,
    @Inject(AuditAnchors) private readonly anchors: AuditAnchors,
    @Inject(ReportSigner) private readonly signer: ReportSigner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ jobId, issuedTo }: DownloadVerificationReport): Promise<SignedReport<VerificationReport>> {
    const now = this.clock.now();
    const job = await this.jobs.get(jobId);
    if (job.kind === 'rebuild') throw new ConflictError('AUDIT.NOT_A_VERIFICATION', 'Cette tâche est une reconstruction, pas une vérification.');
    if (job.status === 'running') throw new ConflictError('AUDIT.VERIFICATION_RUNNING', 'La vérification n’est pas terminée : attendez son résultat.');
    const anchors = await this.anchors.list();
    const report: VerificationReport = {
      kind: 'ardoise.verification-report',
      version: 1,
      issuedAt: now.toISOString(),
      issuedTo,
      verification: {
        jobId: job.id,
        kind: job.kind === 'verify-chain' ? 'chain' : 'read-models',
        startedBy: job.startedBy,
        startedAt: job.startedAt,
        finishedAt: job.finishedAt,
        verdict: verdictOf(job),
        error: job.error,
        result: job.result,
      },
      anchors: {
        every: this.anchors.every,
        formula: ANCHOR_HASH_FORMULA,
        list: anchors.map((a) => ({ sequence: a.sequence, eventCount: a.eventCount, position: a.position, lastEventId: a.lastEventId, hash: a.hash })),
      },
      eventHashFormula: EVENT_HASH_FORMULA,
    };
    return this.signer.sign(report);
  }
}
