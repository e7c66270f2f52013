import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { DATABASE } from '#ardoise/database';
import { familyNames } from '../../invoices/family-names.js';
import type { InvoicingDatabase } from '../../projections/invoicing-database.js';
import { ListMandates, type MandateView } from './list-mandates.query.js';

@QueryHandler(ListMandates)
export class ListMandatesHandler implements IQueryHandler<ListMandates> {
  constructor(@Inject(DATABASE) private readonly db: Kysely<InvoicingDatabase>) {}

  execute(): Promise<MandateView[]> {
    return this.read();
  }

  async read() {
    const rows = await this.db.selectFrom('invoicing_mandates').selectAll().orderBy('signed_on', 'desc').execute();
    const names = await familyNames(
      this.db,
      rows.map((r) => r.family_id),
    );
    return rows.map((r) => ({
      familyId: r.family_id,
      familyName: names.get(r.family_id) ?? null,
      mandateReference: r.mandate_reference,
      signedOn: r.signed_on,
      active: r.active,
      revokedOn: r.revoked_on ?? null,
    }));
  }
}
