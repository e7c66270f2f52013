/** The audit API (/api/v1/audit/…), as the auditors' pages read it. */

export interface AuditedEventView {
  /** Encoded global position: the keyset cursor of the next page. */
  position: string;
  streamId: string;
  category: string;
  revision: number;
  id: string;
  type: string;
  /** As the reader may see it: personal data opened while the family's key exists, `{ erased: true, … }` after. */
  data: unknown;
  metadata: {
    actor: { userId: string; role: string; onBehalfOfFamilyId?: string };
    correlationId: string;
    causationId: string;
    idempotencyKey?: string;
    occurredAt: string;
    schemaVersion: number;
    reason?: string;
  };
  recordedAt: string;
  hash: string;
  previousHash: string;
}

export interface EventPageView {
  events: AuditedEventView[];
  /** Cursor of the next page, null at the end. */
  next: string | null;
  scanned: number;
}

export interface CausationChainView {
  correlationId: string;
  events: (AuditedEventView & { causedBy: string | null; depth: number })[];
  truncated: boolean;
}

export interface FoldedEventView {
  revision: number;
  id: string;
  type: string;
  occurredAt: string;
  actor: { userId: string; role: string; onBehalfOfFamilyId?: string };
}

export interface StateAtView {
  streamId: string;
  aggregate: string;
  at: string;
  revision: number | null;
  state: unknown;
  events: FoldedEventView[];
}

export interface StateChangeView {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

export interface StateDiffView {
  streamId: string;
  aggregate: string;
  from: StateAtView;
  to: StateAtView;
  changes: StateChangeView[];
  eventsBetween: FoldedEventView[];
}

export type AuditJobKindView = 'rebuild' | 'verify-read-models' | 'verify-chain';

export interface AuditJobView {
  id: string;
  kind: AuditJobKindView;
  status: 'running' | 'succeeded' | 'failed' | 'interrupted';
  parameters: unknown;
  progress: unknown;
  result: unknown;
  error: string | null;
  startedBy: string;
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

/** `verify-chain` progress and result. */
export interface ChainProgressView {
  eventsChecked: number;
  eventsPerSecond: number;
  estimatedTotal: number | null;
  elapsedMs: number;
}
export interface ChainLinkBreakView {
  streamId: string;
  revision: number | string;
  eventId?: string;
  kind: string;
  [field: string]: unknown;
}
export interface ChainReportView {
  ok: boolean;
  eventsChecked: number;
  streamsChecked: number;
  anchorsChecked: number;
  breaks: ChainLinkBreakView[];
  brokenStreams: number;
  anchorBreak: { sequence: number; eventCount: number; storedPosition: string; foundPosition: string; expected: string; stored: string } | null;
}

/** `verify-read-models` progress and result. */
export interface ReadModelProgressView {
  projection: string;
  phase: 'replaying' | 'comparing' | 'done';
  eventsReplayed: number;
  estimatedTotal: number | null;
  eventsPerSecond: number;
}
export interface ReadModelReportView {
  ok: boolean;
  projections: {
    projection: string;
    equal: boolean;
    problem: string | null;
    eventsReplayed: number;
    tables: { table: string; liveRows: number; rebuiltRows: number; equal: boolean; onlyInLive: number; onlyInRebuilt: number }[];
  }[];
}

/** What the audit shows in place of a family's personal data once the family was erased (libs/families' ERASED_PERSONAL_DATA). */
export const ERASED_PERSONAL_DATA_TEXT = '[donnée personnelle effacée (RGPD)]';
