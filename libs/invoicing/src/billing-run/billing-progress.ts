import type { BillingRunProgress } from '#ardoise/contracts';
import type { Kysely, Selectable } from 'kysely';
import type { BillingRunsTable, InvoicingDatabase } from '../projections/invoicing-database.js';

/** A billing run's progress as its row says (the run updates it after each batch). */
export async function billingProgress(db: Kysely<InvoicingDatabase>, runId: string): Promise<BillingRunProgress | undefined> {
  const row = await db.selectFrom('invoicing_billing_runs').selectAll().where('run_id', '=', runId).executeTakeFirst();
  return row && toProgress(row);
}

export const toProgress = (row: Selectable<BillingRunsTable>): BillingRunProgress => ({
  runId: row.run_id,
  period: row.period,
  status: row.status,
  total: row.total,
  done: row.done,
  issued: row.issued,
  skipped: row.skipped,
  failed: row.failed,
  amountCents: Number(row.amount_cents),
  errors: row.errors,
  startedAt: new Date(row.started_at).toISOString(),
  finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
});
