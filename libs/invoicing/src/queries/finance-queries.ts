import { Inject, Injectable } from '@nestjs/common';
import { sql, type Kysely } from 'kysely';
import { DATABASE } from '#ardoise/database';
import { monthBounds } from '../domain/billing.js';
import { INVOICE_LINES_TABLE, INVOICES_TABLE, LEDGER_TABLE, PAYMENTS_TABLE } from '../projections/finance.tables.js';

const n = (v: unknown) => Number(v ?? 0);

/** The finance office's views, each also exported as CSV by the controller. */
@Injectable()
export class FinanceQueries {
  constructor(@Inject(DATABASE) private readonly db: Kysely<any>) {}

  async payments(filter: { from?: string; to?: string; means?: string }) {
    let query = this.db
      .selectFrom(`${PAYMENTS_TABLE} as p`)
      .innerJoin(`${INVOICES_TABLE} as i`, 'i.invoice_id', 'p.invoice_id')
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
    if (filter.from) query = query.where('p.paid_on', '>=', filter.from);
    if (filter.to) query = query.where('p.paid_on', '<=', filter.to);
    if (filter.means) query = query.where('p.means', '=', filter.means);
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

  async outstanding() {
    const rows = await this.db
      .selectFrom(INVOICES_TABLE)
      .select([
        'family_id',
        sql<string>`count(*) FILTER (WHERE outstanding_cents > 0)`.as('open'),
        sql<string>`sum(outstanding_cents)`.as('cents'),
        sql<string>`min(due_date) FILTER (WHERE outstanding_cents > 0)`.as('oldest_due'),
      ])
      .groupBy('family_id')
      .having(sql`sum(outstanding_cents)`, '<>', 0)
      .orderBy('family_id')
      .execute();
    return rows.map((r) => ({ familyId: r.family_id, openInvoices: n(r.open), outstandingCents: n(r.cents), oldestDueDate: r.oldest_due }));
  }

  /** Every movement on a family's account, in order, with the running balance. */
  async statement(familyId: string) {
    const rows = await this.db
      .selectFrom(`${LEDGER_TABLE} as l`)
      .innerJoin(`${INVOICES_TABLE} as i`, 'i.invoice_id', 'l.invoice_id')
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

  /** "État récapitulatif des encaissements" of the régie for a month: per means and per day. */
  async collectionSummary(month: string) {
    const { from, to } = monthBounds(month);
    const rows = await this.db
      .selectFrom(PAYMENTS_TABLE)
      .select(['paid_on', 'means', sql<string>`count(*)`.as('count'), sql<string>`sum(amount_cents)`.as('cents')])
      .where('paid_on', '>=', from)
      .where('paid_on', '<=', to)
      .where('status', '=', 'recorded')
      .groupBy(['paid_on', 'means'])
      .orderBy('paid_on')
      .orderBy('means')
      .execute();
    const days = rows.map((r) => ({ date: r.paid_on, means: r.means, count: n(r.count), amountCents: n(r.cents) }));
    const byMeans = new Map<string, { means: string; count: number; amountCents: number }>();
    for (const d of days) {
      const m = byMeans.get(d.means) ?? { means: d.means, count: 0, amountCents: 0 };
      m.count += d.count;
      m.amountCents += d.amountCents;
      byMeans.set(d.means, m);
    }
    return { regie: 'Régie des services périscolaires', month, byMeans: [...byMeans.values()], days, totalCents: days.reduce((s, d) => s + d.amountCents, 0) };
  }

  /** Meals billed per QF bracket (net of justified absences), for the "cantine à 1 €" claim. */
  async mealCounts(period: string) {
    const rows = await this.db
      .selectFrom(`${INVOICE_LINES_TABLE} as l`)
      .innerJoin(`${INVOICES_TABLE} as i`, 'i.invoice_id', 'l.invoice_id')
      .select([
        'l.service_code',
        'l.bracket_code',
        'l.cantine_a_un_euro',
        sql<string>`sum(CASE WHEN l.kind = 'service' THEN l.days WHEN l.kind = 'justified_absence_credit' THEN -l.days ELSE 0 END)`.as('meals'),
        sql<string>`sum(CASE WHEN l.kind IN ('service', 'justified_absence_credit') THEN l.amount_cents ELSE 0 END)`.as('cents'),
      ])
      .where('l.period', '=', period)
      .where('i.status', '<>', 'cancelled')
      .groupBy(['l.service_code', 'l.bracket_code', 'l.cantine_a_un_euro'])
      .orderBy('l.service_code')
      .orderBy('l.bracket_code')
      .execute();
    return rows.map((r) => ({
      serviceCode: r.service_code,
      bracketCode: r.bracket_code,
      cantineAUnEuro: r.cantine_a_un_euro,
      meals: n(r.meals),
      amountCents: n(r.cents),
    }));
  }
}
