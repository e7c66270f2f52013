import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { DATABASE } from '#ardoise/database';
import type { InvoicingDatabase } from '../../projections/invoicing-database.js';
import { GetFamilyStatement, type FamilyStatement } from './get-family-statement.query.js';

@QueryHandler(GetFamilyStatement)
export class GetFamilyStatementHandler implements IQueryHandler<GetFamilyStatement> {
  constructor(@Inject(DATABASE) private readonly db: Kysely<InvoicingDatabase>) {}

  execute({ familyId }: GetFamilyStatement): Promise<FamilyStatement> {
    return this.read(familyId);
  }

  async read(familyId: string) {
    const rows = await this.db
      .selectFrom('invoicing_ledger as l')
      .innerJoin('invoicing_invoices as i', 'i.invoice_id', 'l.invoice_id')
      .select(['l.on_date', 'l.kind', 'l.label', 'l.amount_cents', 'i.number', 'l.occurred_at'])
      .where('l.family_id', '=', familyId)
      .orderBy('l.occurred_at')
      .orderBy('l.seq')
      .execute();
    let balance = 0;
    const entries = rows.map((r) => {
      const debit = r.kind === 'issued' || r.kind === 'refunded' ? r.amount_cents : 0;
      const credit = r.kind === 'credited' || r.kind === 'paid' ? r.amount_cents : 0;
      balance += debit - credit;
      return { date: r.on_date, label: `${r.label} ${r.number}`, invoiceNumber: r.number, debitCents: debit, creditCents: credit, balanceCents: balance };
    });
    return { familyId, entries, balanceCents: balance };
  }
}
