import { ConflictError } from '#ardoise/kernel';
import type { Anchor } from '../chain/anchor-hash.js';
import type { AuditAnchors } from '../chain/audit-anchors.js';
import type { AuditJob, AuditJobs } from '../jobs/audit-jobs.js';
import type { ReportSigner, SignedReport } from './report-signer.js';

export type VerificationVerdict = 'intact' | 'broken' | 'equal' | 'different' | 'failed' | 'interrupted';

/** What an auditor attaches to a file: one verification, its verdict, the anchors of the log at that time. */
export interface VerificationReport {
  kind: 'ardoise.verification-report';
  version: 1;
  issuedAt: string;
  /** The user who downloaded the report. */
  issuedTo: string;
  verification: {
    jobId: string;
    kind: 'chain' | 'read-models';
    startedBy: string;
    startedAt: string;
    finishedAt: string | null;
    verdict: VerificationVerdict;
    error: string | null;
    result: unknown;
  };
  anchors: {
    /** An anchor every N events of the log. */
    every: number;
    formula: string;
    list: Omit<Anchor, 'createdAt'>[];
  };
  eventHashFormula: string;
}

export const EVENT_HASH_FORMULA =
  "hash = sha256hex(previousHash + '\\n' + canonicalJson({streamId, revision, type, data, metadata})), previousHash = '' at revision 0";
export const ANCHOR_HASH_FORMULA =
  "running = sha256hex(running + '\\n' + eventId + ' ' + eventHash) over the log in global order, from ''; stored every N events";

export function verdictOf(job: AuditJob): VerificationVerdict {
  if (job.status === 'failed') return 'failed';
  if (job.status === 'interrupted') return 'interrupted';
  const ok = (job.result as { ok?: boolean } | null)?.ok === true;
  if (job.kind === 'verify-chain') return ok ? 'intact' : 'broken';
  return ok ? 'equal' : 'different';
}

/** Builds and signs the report of a finished verification. */
export class VerificationReports {
  constructor(
    private readonly jobs: AuditJobs,
    private readonly anchors: AuditAnchors,
    private readonly signer: ReportSigner,
  ) {}

  async of(jobId: string, issuedTo: string, now: Date): Promise<SignedReport<VerificationReport>> {
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
