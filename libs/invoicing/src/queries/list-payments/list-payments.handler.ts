import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { DATABASE } from '#ardoise/database';
import type { InvoicingDatabase } from '../../projections/invoicing-database.js';
import { ListPayments, type PaymentView } from './list-payments.query.js';

@QueryHandler(ListPayments)
export class ListPaymentsHandler implements IQueryHandler<ListPayments> {
  constructor(@Inject(DATABASE) private readonly db: Kysely<InvoicingDatabase>) {}

  execute({ filter }: ListPayments): Promise<PaymentView[]> {
    return this.read(filter.from, filter.to, filter.means);
  }

  async read(from: string | undefined, to: string | undefined, means: string | undefined) {
    let query = this.db
      .selectFrom('invoicing_payments as p')
      .innerJoin('invoicing_invoices as i', 'i.invoice_id', 'p.invoice_id')
      .select([
        'p.payment_id',
        'p.invoice_id',
        'i.number',
        'p.family_id',
        'p.means',
        'p.amount_cents',
        'p.paid_on',
        'p.reference',
        'p.status',
        'p.reversed_on',
      ]);
    if (from) query = query.where('p.paid_on', '>=', from);
    if (to) query = query.where('p.paid_on', '<=', to);
    if (means) query = query.where('p.means', '=', means);
    const rows = await query.orderBy('p.paid_on').orderBy('i.number').limit(20_000).execute();
    return rows.map((r) => ({
      paymentId: r.payment_id,
      invoiceId: r.invoice_id,
      invoiceNumber: r.number,
      familyId: r.family_id,
      means: r.means,
      amountCents: r.amount_cents,
      paidOn: r.paid_on,
      reference: r.reference,
      status: r.status,
      reversedOn: r.reversed_on,
    }));
  }
}
