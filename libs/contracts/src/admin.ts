/** The admins' pages (/admin): staff accounts, RGPD erasure, the instance's health. */
import type { HealthReport } from './health.js';

export type StaffRoleName = 'agent' | 'finance' | 'auditor' | 'admin';

/** GET /api/v1/staff-accounts */
export interface StaffAccountSummary {
  accountId: string;
  email: string;
  displayName: string;
  role: StaffRoleName;
  status: 'active' | 'disabled';
  /** ISO-8601 */
  createdAt: string;
}

/** GET /api/v1/admin/families/:id/erasure-preview — what an erasure will make unreadable or delete. */
export interface ErasurePreview {
  familyId: string;
  /** The name to type to confirm (null once already erased). */
  familyName: string | null;
  alreadyForgotten: boolean;
  guardians: number;
  children: number;
  logins: number;
  /** Request files (bytes deleted). */
  files: number;
  /** E-mails kept in the outbox for this family (deleted). */
  emails: number;
  /** Events whose personal fields become unreadable (sealed with the family's key). */
  events: number;
}

/** DELETE /api/v1/admin/families/:id — the erasure's result. */
export interface ErasureResult {
  familyId: string;
  alreadyForgotten: boolean;
  keyDestroyed: boolean;
  accountsDeleted: number;
  /** `FamilyForgotten` is in the family's stream. */
  eventRecorded: boolean;
}

/** GET /api/v1/admin/erasures — past erasures, no personal data. */
export interface ErasureRecord {
  familyId: string;
  /** ISO-8601 */
  forgottenAt: string;
  actor: { id: string; role: string; displayName: string | null };
}

export interface LagSample {
  /** ISO-8601, start of the sample's slot */
  at: string;
  projection: string;
  lagEvents: number;
  lagSeconds: number;
  status: 'ok' | 'degraded' | 'down';
}

export interface ScheduledJobStatus {
  name: string;
  label: string;
  /** Where it runs: 'worker' (ARDOISE_ROLE=worker or all). */
  configured: boolean;
  /** ISO-8601 or null when it never ran. */
  lastRunAt: string | null;
  lastOutcome: 'ok' | 'failed' | null;
  /** Short, without personal data. */
  lastDetail: string | null;
  nextRunAt: string | null;
}

/** GET /api/v1/admin/health */
export interface AdminHealth {
  report: HealthReport;
  /** One hour of samples of each projection's lag, oldest first. */
  lagSamples: LagSample[];
  sampleEverySeconds: number;
  eventStore: { adapter: 'postgresql' | 'eventstoredb'; events: number | null; lastRecordedAt: string | null };
  outbox: { pending: number; held: number; failed: number; sent: number };
  jobs: ScheduledJobStatus[];
}
