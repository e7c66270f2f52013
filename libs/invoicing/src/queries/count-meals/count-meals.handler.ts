import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { sql, type Kysely } from 'kysely';
import { DATABASE } from '#ardoise/database';
import type { InvoicingDatabase } from '../../projections/invoicing-database.js';
import { CountMeals, type MealCount } from './count-meals.query.js';

const n = (v: unknown) => Number(v ?? 0);

@QueryHandler(CountMeals)
export class CountMealsHandler implements IQueryHandler<CountMeals> {
  constructor(@Inject(DATABASE) private readonly db: Kysely<InvoicingDatabase>) {}

  execute({ period }: CountMeals): Promise<MealCount[]> {
    return this.read(period);
  }

  async read(period: string) {
    const rows = await this.db
      .selectFrom('invoicing_invoice_lines as l')
      .innerJoin('invoicing_invoices as i', 'i.invoice_id', 'l.invoice_id')
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
