import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { CatalogueReader } from '#ardoise/catalogue';
import { DATABASE } from '#ardoise/database';
import { familyAndChildrenNames } from '#ardoise/families';
import type { InvoicingDatabase } from '../projections/invoicing-database.js';

export interface InvoiceNames {
  familyName: string | null;
  children: Map<string, string>;
  services: Map<string, string>;
}

/**
 * Names printed on an invoice, read at print time through the families' and the catalogue's
 * readers (never copied into invoice events: a forgotten family's invoices stay readable
 * as amounts, without names).
 */
@Injectable()
export class InvoiceNamesReader {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<InvoicingDatabase>,
    @Inject(CatalogueReader) private readonly catalogue: CatalogueReader,
  ) {}

  async forFamily(familyId: string): Promise<InvoiceNames> {
    const [family, services] = await Promise.all([
      this.optional(() => familyAndChildrenNames(this.db, familyId), { familyName: null, children: new Map<string, string>() }),
      this.optional(() => this.catalogue.services(), []),
    ]);
    return { ...family, services: new Map(services.map((s) => [s.code, s.label])) };
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
