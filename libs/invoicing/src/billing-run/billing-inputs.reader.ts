import { Inject, Injectable } from '@nestjs/common';
import type { Kysely, Transaction } from 'kysely';
import type { InvoicingDatabase } from '../projections/invoicing-database.js';
import { DATABASE, inOneSnapshot } from '#ardoise/database';
import { monthBounds, type BillableDay } from '../domain/billing.js';
import type { QuotientPeriod } from '../domain/tariff.js';
import { BILLABLE_DAYS_TABLE, QUOTIENTS_TABLE } from '../projections/billing-inputs.projector.js';

export interface MonthInputs {
  days: Map<string, BillableDay[]>;
  quotients: Map<string, QuotientPeriod[]>;
}

/** Billing's own read model of a month: billable days and QFs, grouped by family. */
@Injectable()
export class BillingInputsReader {
  constructor(@Inject(DATABASE) private readonly db: Kysely<InvoicingDatabase>) {}

  /** The days and the QFs of one moment (a snapshot): a QF projected meanwhile is billed with the days it came with. */
  forMonth(period: string, familyIds?: string[]): Promise<MonthInputs> {
    return inOneSnapshot(this.db, (db) => this.read(db, period, familyIds));
  }

  private async read(db: Transaction<InvoicingDatabase>, period: string, familyIds: string[] | undefined): Promise<MonthInputs> {
    const { from, to } = monthBounds(period);
    let query = db.selectFrom(BILLABLE_DAYS_TABLE).selectAll().where('date', '>=', from).where('date', '<=', to);
    if (familyIds) query = query.where('family_id', 'in', familyIds.length ? familyIds : ['-']);
    const rows = await query.orderBy('family_id').execute();
    const days = new Map<string, BillableDay[]>();
    for (const row of rows) {
      const list = days.get(row.family_id) ?? [];
      list.push({
        childId: row.child_id,
        serviceCode: row.service_code,
        date: row.date,
        booked: row.booked,
        lateBooking: row.late_booking,
        attendance: row.attendance,
        absenceJustified: row.absence_justified,
      });
      days.set(row.family_id, list);
    }
    const quotients = new Map<string, QuotientPeriod[]>();
    const qfRows = await db
      .selectFrom(QUOTIENTS_TABLE)
      .select(['family_id', 'amount', 'valid_from', 'valid_until'])
      .where('valid_from', '<=', to)
      .where('valid_until', '>=', from)
      .orderBy('seq')
      .execute();
    for (const row of qfRows) {
      const list = quotients.get(row.family_id) ?? [];
      list.push({ amount: row.amount, validFrom: row.valid_from, validUntil: row.valid_until });
      quotients.set(row.family_id, list);
    }
    return { days, quotients };
  }
}
