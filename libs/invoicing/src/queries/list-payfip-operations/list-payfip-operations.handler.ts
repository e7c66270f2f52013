import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { DATABASE } from '#ardoise/database';
import type { PayfipOperationStatus } from '../../domain/invoice-state.js';
import { familyNames } from '../../invoices/family-names.js';
import type { InvoicingDatabase } from '../../projections/invoicing-database.js';
import { ListPayfipOperations, type PayfipOperationsView } from './list-payfip-operations.query.js';

@QueryHandler(ListPayfipOperations)
export class ListPayfipOperationsHandler implements IQueryHandler<ListPayfipOperations> {
  constructor(@Inject(DATABASE) private readonly db: Kysely<InvoicingDatabase>) {}

  execute({ status }: ListPayfipOperations): Promise<PayfipOperationsView> {
    return this.read(status);
  }

  async read(status: string | undefined) {
    const [operations, lastRepair] = await Promise.all([this.operations(status), this.lastRepairRun()]);
    return { operations, lastRepair };
  }

  private async operations(status: string | undefined) {
    let query = this.db
      .selectFrom('invoicing_payfip_operations as o')
      .innerJoin('invoicing_invoices as i', 'i.invoice_id', 'o.invoice_id')
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
    if (status) query = query.where('o.status', '=', status as PayfipOperationStatus);
    const rows = await query.orderBy('o.created_at', 'desc').limit(2000).execute();
    const names = await familyNames(
      this.db,
      rows.map((r) => r.family_id),
    );
    return rows.map((r) => ({
      operationId: r.operation_id,
      invoiceId: r.invoice_id,
      invoiceNumber: r.number,
      familyId: r.family_id,
      familyName: names.get(r.family_id) ?? null,
      amountCents: r.amount_cents,
      status: r.status as string,
      detail: r.detail ?? null,
      createdAt: new Date(r.created_at).toISOString(),
      expiresAt: new Date(r.expires_at).toISOString(),
      settledAt: r.settled_at ? new Date(r.settled_at).toISOString() : null,
    }));
  }

  private async lastRepairRun() {
    const row = await this.db.selectFrom('invoicing_payfip_repair_runs').selectAll().orderBy('started_at', 'desc').limit(1).executeTakeFirst();
    if (!row) return null;
    return {
      trigger: row.trigger,
      startedAt: new Date(row.started_at).toISOString(),
      finishedAt: new Date(row.finished_at).toISOString(),
      checked: row.checked,
      settled: row.settled,
      error: row.error ?? null,
    };
  }
}
