import type { Anchor } from '../chain/anchor-hash.js';
import type { AuditJob } from '../jobs/audit-jobs.js';

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
