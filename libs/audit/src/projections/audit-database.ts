import type { ColumnType, Generated } from 'kysely';

/**
 * Audit's own tables (audit.migrations.ts): evidence about the log and the jobs started on it,
 * never rebuilt. The read-model verifier also compares other contexts' physical generation
 * tables, whose names the projection engine gives at run time: it reaches them by raw SQL on
 * the same connection, so they are not listed here.
 */
export interface AuditDatabase {
  audit_anchors: AuditAnchorsTable;
  audit_jobs: AuditJobsTable;
  audit_report_keys: AuditReportKeysTable;
}

export interface AuditAnchorsTable {
  sequence: number;
  /** bigint: read as text. */
  event_count: ColumnType<string, number | string, never>;
  position: string;
  last_event_id: string;
  hash: string;
  created_at: Generated<Date>;
}

export interface AuditJobsTable {
  id: string;
  kind: 'rebuild' | 'verify-read-models' | 'verify-chain';
  status: 'running' | 'succeeded' | 'failed';
  parameters: ColumnType<unknown, string, string>;
  progress: ColumnType<unknown, string | null | undefined, string | null>;
  result: ColumnType<unknown, string | null | undefined, string | null>;
  /** No personal data: the error's code and message only. */
  error: string | null;
  started_by: string;
  started_at: Generated<Date>;
  updated_at: Generated<Date>;
  finished_at: Date | null;
}

export interface AuditReportKeysTable {
  id: string;
  private_key: string;
  public_key: string;
  created_at: Generated<Date>;
}
