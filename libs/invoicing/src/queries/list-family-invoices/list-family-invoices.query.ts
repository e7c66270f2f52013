import { Query } from '@nestjs/cqrs';
import type { InvoiceSummary } from '#ardoise/contracts';

/** A family's invoices split as in the guide: "en cours" and "payées" (paid or cancelled). */
export class ListFamilyInvoices extends Query<{ current: InvoiceSummary[]; settled: InvoiceSummary[] }> {
  constructor(readonly familyId: string) {
    super();
  }
}
