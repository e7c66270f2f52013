import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { DATABASE } from '#ardoise/database';
import { MANDATES_TABLE } from '../../projections/billing-inputs.projector.js';
import { INVOICES_TABLE, PAYFIP_OPERATIONS_TABLE } from '../../projections/finance.tables.js';
import { familyNames } from '../../queries/family-names.js';

/** What the payments page reads: PayFIP operations and the repair job, mandates, files made. */
@Injectable()
export class PaymentsOfficeQueries {
  constructor(@Inject(DATABASE) private readonly db: Kysely<any>) {}

  async payfipOperations(status?: string) {
    let query = this.db
      .selectFrom(`${PAYFIP_OPERATIONS_TABLE} as o`)
      .innerJoin(`${INVOICES_TABLE} as i`, 'i.invoice_id', 'o.invoice_id')
      .select([
        'o.operation_id',
        'o.invoice_id',
        'i.number',
        'o.family_id',
        'o.amount_cents',
        'o.status',
        'o.detail',
        'o.created_at',
        'o.expires_at',
        'o.settled_at',
      ]);
    if (status) query = query.where('o.status', '=', status);
    const rows = await query.orderBy('o.created_at', 'desc').limit(2000).execute();
    const names = await familyNames(
      this.db,
      rows.map((r) => r.family_id),
    );
    return rows.map((r) => ({
      operationId: r.operation_id as string,
      invoiceId: r.invoice_id as string,
      invoiceNumber: r.number as string,
      familyId: r.family_id as string,
      familyName: names.get(r.family_id) ?? null,
      amountCents: r.amount_cents as number,
      status: r.status as string,
      detail: (r.detail as string | null) ?? null,
      createdAt: new Date(r.created_at).toISOString(),
      expiresAt: new Date(r.expires_at).toISOString(),
      settledAt: r.settled_at ? new Date(r.settled_at).toISOString() : null,
    }));
  }

  async lastRepairRun() {
    const row = await this.db.selectFrom('invoicing_payfip_repair_runs').selectAll().orderBy('started_at', 'desc').limit(1).executeTakeFirst();
    if (!row) return null;
    return {
      trigger: row.trigger as 'schedule' | 'finance',
      startedAt: new Date(row.started_at).toISOString(),
      finishedAt: new Date(row.finished_at).toISOString(),
      checked: row.checked as number,
      settled: row.settled as number,
      error: (row.error as string | null) ?? null,
    };
  }

  async mandates() {
    const rows = await this.db.selectFrom(MANDATES_TABLE).selectAll().orderBy('signed_on', 'desc').execute();
    const names = await familyNames(
      this.db,
      rows.map((r) => r.family_id),
    );
    return rows.map((r) => ({
      familyId: r.family_id as string,
      familyName: names.get(r.family_id) ?? null,
      mandateReference: r.mandate_reference as string,
      signedOn: r.signed_on as string,
      active: r.active as boolean,
      revokedOn: (r.revoked_on as string | null) ?? null,
    }));
  }

  /** Files made for the bank (`sepa_collection`) or the public accountant (`collection_titles`), newest first, without content. */
  async files(kind?: string) {
    let query = this.db.selectFrom('invoicing_files').select(['file_id', 'kind', 'file_name', 'summary', 'created_at']);
    if (kind) query = query.where('kind', '=', kind);
    const rows = await query.orderBy('created_at', 'desc').limit(200).execute();
    return rows.map((r) => ({
      fileId: r.file_id as string,
      kind: r.kind as string,
      fileName: r.file_name as string,
      summary: r.summary as Record<string, unknown>,
      createdAt: new Date(r.created_at).toISOString(),
    }));
  }
}
