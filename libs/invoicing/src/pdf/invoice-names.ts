import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { CatalogueReader } from '#ardoise/catalogue';
import { DATABASE } from '#ardoise/database';
import type { InvoicingDatabase, NamesSources } from '../projections/invoicing-database.js';

export interface InvoiceNames {
  familyName: string | null;
  children: Map<string, string>;
  services: Map<string, string>;
}

/**
 * Names printed on an invoice, read at print time from the families read models and the
 * catalogue (never copied into invoice events: a forgotten family's invoices stay readable
 * as amounts, without names).
 */
@Injectable()
export class InvoiceNamesReader {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<InvoicingDatabase>,
    @Inject(CatalogueReader) private readonly catalogue: CatalogueReader,
  ) {}

  async forFamily(familyId: string): Promise<InvoiceNames> {
    const names = this.db.withTables<NamesSources>();
    const [family, children, services] = await Promise.all([
      this.optional(() => names.selectFrom('families').select('family_name').where('family_id', '=', familyId).executeTakeFirst(), undefined),
      this.optional(() => names.selectFrom('family_children').select(['child_id', 'first_name', 'last_name']).where('family_id', '=', familyId).execute(), []),
      this.optional(() => this.catalogue.services(), []),
    ]);
    return {
      familyName: family?.family_name ?? null,
      children: new Map(children.map((c) => [String(c.child_id), [c.first_name, c.last_name].filter(Boolean).join(' ')])),
      services: new Map(services.map((s) => [s.code, s.label])),
    };
  }

  /** The other contexts' read models may not be there (a finance-only deployment, a rebuild). */
  private async optional<T>(read: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await read();
    } catch {
      return fallback;
    }
  }
}
