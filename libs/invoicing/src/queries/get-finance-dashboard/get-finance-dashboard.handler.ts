import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { sql, type Kysely, type Transaction } from 'kysely';
import { CatalogueReader, type ServiceConfig } from '#ardoise/catalogue';
import { ValidationError, parisDate } from '#ardoise/kernel';
import { CLOCK, type Clock } from '#ardoise/commands';
import { DATABASE, inOneSnapshot } from '#ardoise/database';
import type { AgeBucket, FinanceDashboard, PaymentChannel } from '#ardoise/contracts';
import { monthBounds } from '../../domain/billing.js';
import type { InvoicingDatabase } from '../../projections/invoicing-database.js';
import { GetFinanceDashboard } from './get-finance-dashboard.query.js';

const n = (v: unknown) => Number(v ?? 0);
const MAX_MONTHS = 36;
export const AGE_BUCKETS: AgeBucket[] = ['not_due', 'd0_30', 'd31_60', 'd61_90', 'over_90'];
export const PAYMENT_CHANNELS: PaymentChannel[] = ['payfip', 'direct_debit', 'desk'];

/** Every month from `from` to `to` included (AAAA-MM). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > to) return months;
    months.push(month);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
}

/**
 * The figures of the finance dashboard, read from invoicing's read models only (the finance
 * ledger tables and billing's own billable days). Formulas: docs/finance.md §Tableau de bord.
 */
@QueryHandler(GetFinanceDashboard)
export class GetFinanceDashboardHandler implements IQueryHandler<GetFinanceDashboard> {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<InvoicingDatabase>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CatalogueReader) private readonly catalogue: CatalogueReader,
  ) {}

  async execute(query: GetFinanceDashboard): Promise<FinanceDashboard> {
    const to = query.to ?? parisDate(this.clock.now()).slice(0, 7);
    const from = query.from ?? monthsBefore(to, 11);
    if (from > to)
      throw new ValidationError(
        [{ field: 'from', messages: ['Le premier mois doit précéder le dernier.'] }],
        'Période invalide : le premier mois doit précéder le dernier.',
      );
    if (monthsBetween(from, to).length > MAX_MONTHS)
      throw new ValidationError([{ field: 'from', messages: [`${MAX_MONTHS} mois au plus.`] }], `Période trop longue : ${MAX_MONTHS} mois au plus.`);
    if (query.csv && !query.csv.chart)
      throw new ValidationError([{ field: 'chart', messages: ['Obligatoire avec format=csv.'] }], 'Précisez le graphique à exporter (chart).');
    const today = parisDate(this.clock.now());
    const range = { from: monthBounds(from).from, to: monthBounds(to).to };
    // The figures are read in one snapshot: a payment projected meanwhile is either collected
    // and no longer owed, or neither. Labels and capacities are the catalogue's, read beside.
    const [[billedCollected, outstandingByAge, paymentsByChannel, cantineAUnEuro, occupancy], services] = await Promise.all([
      inOneSnapshot(this.db, (db) =>
        Promise.all([
          this.billedCollected(db, from, to, range),
          this.outstandingByAge(db, today),
          this.paymentsByChannel(db, range),
          this.cantineAUnEuro(db, from, to),
          this.bookedDays(db, range),
        ]),
      ),
      this.catalogue.services(),
    ]);
    return { from, to, today, billedCollected, outstandingByAge, paymentsByChannel, cantineAUnEuro, occupancy: this.occupancy(occupancy, services) };
  }

  /** Per month: invoices issued (by issue date), credit notes (by their date), payments collected (by payment date, rejected debits excluded). */
  private async billedCollected(db: Transaction<InvoicingDatabase>, from: string, to: string, range: { from: string; to: string }) {
    const month = (column: 'issued_on' | 'paid_on') => sql<string>`substr(${sql.ref(column)}, 1, 7)`;
    const [billed, credited, collected] = await Promise.all([
      db
        .selectFrom('invoicing_invoices')
        .select([month('issued_on').as('month'), sql<string>`sum(total_cents)`.as('cents')])
        .where('issued_on', '>=', range.from)
        .where('issued_on', '<=', range.to)
        .groupBy(sql`1`)
        .execute(),
      db
        .selectFrom('invoicing_credit_notes')
        .select([month('issued_on').as('month'), sql<string>`sum(amount_cents)`.as('cents')])
        .where('issued_on', '>=', range.from)
        .where('issued_on', '<=', range.to)
        .groupBy(sql`1`)
        .execute(),
      db
        .selectFrom('invoicing_payments')
        .select([month('paid_on').as('month'), sql<string>`sum(amount_cents)`.as('cents')])
        .where('paid_on', '>=', range.from)
        .where('paid_on', '<=', range.to)
        .where('status', '=', 'recorded')
        .groupBy(sql`1`)
        .execute(),
    ]);
    const byMonth = (rows: { month: string; cents: string }[]) => new Map(rows.map((r) => [r.month, n(r.cents)]));
    const [b, c, p] = [byMonth(billed), byMonth(credited), byMonth(collected)];
    return monthsBetween(from, to).map((m) => ({ month: m, billedCents: b.get(m) ?? 0, creditedCents: c.get(m) ?? 0, collectedCents: p.get(m) ?? 0 }));
  }

  /** Open invoices today, by days past their due date (not yet due apart). */
  private async outstandingByAge(db: Transaction<InvoicingDatabase>, today: string) {
    const rows = await db
      .selectFrom('invoicing_invoices')
      .select([
        sql<AgeBucket>`CASE WHEN due_date >= ${today} THEN 'not_due'
          WHEN ${today}::date - due_date::date <= 30 THEN 'd0_30'
          WHEN ${today}::date - due_date::date <= 60 THEN 'd31_60'
          WHEN ${today}::date - due_date::date <= 90 THEN 'd61_90'
          ELSE 'over_90' END`.as('bucket'),
        sql<string>`count(*)`.as('invoices'),
        sql<string>`sum(outstanding_cents)`.as('cents'),
      ])
      .where('outstanding_cents', '>', 0)
      .where('status', '<>', 'cancelled')
      .groupBy(sql`1`)
      .execute();
    const found = new Map(rows.map((r) => [r.bucket, r]));
    return AGE_BUCKETS.map((bucket) => ({ bucket, invoices: n(found.get(bucket)?.invoices), outstandingCents: n(found.get(bucket)?.cents) }));
  }

  /** Payments collected in the range: PayFIP, SEPA direct debit, and the desk (cash, cheque). */
  private async paymentsByChannel(db: Transaction<InvoicingDatabase>, range: { from: string; to: string }) {
    const rows = await db
      .selectFrom('invoicing_payments')
      .select([
        sql<PaymentChannel>`CASE means WHEN 'payfip' THEN 'payfip' WHEN 'direct_debit' THEN 'direct_debit' ELSE 'desk' END`.as('channel'),
        sql<string>`count(*)`.as('payments'),
        sql<string>`sum(amount_cents)`.as('cents'),
      ])
      .where('paid_on', '>=', range.from)
      .where('paid_on', '<=', range.to)
      .where('status', '=', 'recorded')
      .groupBy(sql`1`)
      .execute();
    const found = new Map(rows.map((r) => [r.channel, r]));
    return PAYMENT_CHANNELS.map((channel) => ({ channel, payments: n(found.get(channel)?.payments), amountCents: n(found.get(channel)?.cents) }));
  }

  /**
   * Meals billed per month (period billed) on the services that have a « cantine à 1 € »
   * bracket: at 1 € and at other brackets, net of justified absences; families at 1 €.
   */
  private async cantineAUnEuro(db: Transaction<InvoicingDatabase>, from: string, to: string) {
    const meals = sql<string>`CASE WHEN l.kind = 'service' THEN l.days WHEN l.kind = 'justified_absence_credit' THEN -l.days ELSE 0 END`;
    const rows = await db
      .selectFrom('invoicing_invoice_lines as l')
      .innerJoin('invoicing_invoices as i', 'i.invoice_id', 'l.invoice_id')
      .select([
        'l.period',
        sql<string>`sum(${meals}) FILTER (WHERE l.cantine_a_un_euro)`.as('at_one'),
        sql<string>`sum(${meals}) FILTER (WHERE NOT l.cantine_a_un_euro)`.as('other'),
        sql<string>`count(DISTINCT l.family_id) FILTER (WHERE l.cantine_a_un_euro)`.as('families'),
      ])
      .where('l.period', '>=', from)
      .where('l.period', '<=', to)
      .where('i.status', '<>', 'cancelled')
      .where('l.service_code', 'in', db.selectFrom('invoicing_invoice_lines').select('service_code').distinct().where('cantine_a_un_euro', '=', true))
      .groupBy('l.period')
      .execute();
    const found = new Map(rows.map((r) => [r.period, r]));
    return monthsBetween(from, to).map((month) => ({
      month,
      mealsAtOneEuro: n(found.get(month)?.at_one),
      otherMeals: n(found.get(month)?.other),
      families: n(found.get(month)?.families),
    }));
  }

  /** Per service over the range: places booked (billing's billable days), days with at least one booking, children marked present. */
  private bookedDays(db: Transaction<InvoicingDatabase>, range: { from: string; to: string }) {
    return db
      .selectFrom('invoicing_billable_days as d')
      .select([
        'd.service_code',
        sql<string>`count(DISTINCT d.date)`.as('days'),
        sql<string>`count(*)`.as('booked'),
        sql<string>`count(*) FILTER (WHERE d.attendance = 'present')`.as('attended'),
      ])
      .where('d.booked', '=', true)
      .where('d.date', '>=', range.from)
      .where('d.date', '<=', range.to)
      .groupBy('d.service_code')
      .orderBy('d.service_code')
      .execute();
  }

  /**
   * Per service: the booked days with the catalogue's label and daily capacity (read through its
   * reader, never its tables); rate = booked ÷ (days × daily capacity).
   */
  private occupancy(rows: Awaited<ReturnType<GetFinanceDashboardHandler['bookedDays']>>, services: ServiceConfig[]) {
    const byCode = new Map(services.map((s) => [s.code, s]));
    return rows.map((r) => {
      const service = byCode.get(r.service_code);
      const capacity = service?.dailyCapacity ?? null;
      const days = n(r.days);
      const booked = n(r.booked);
      return {
        serviceCode: r.service_code,
        label: service?.label ?? r.service_code,
        capacity,
        days,
        booked,
        attended: n(r.attended),
        rate: capacity && days ? Math.round((booked / (days * capacity)) * 1000) / 1000 : null,
      };
    });
  }
}

function monthsBefore(month: string, count: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
