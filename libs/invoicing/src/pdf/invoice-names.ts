import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { DATABASE } from '#ardoise/database';

export interface InvoiceNames {
  familyName: string | null;
  children: Map<string, string>;
  services: Map<string, string>;
}

/**
 * Names printed on an invoice, read at print time from the families and catalogue read
 * models (never copied into invoice events: a forgotten family's invoices stay readable
 * as amounts, without names).
 */
@Injectable()
export class InvoiceNamesReader {
  constructor(@Inject(DATABASE) private readonly db: Kysely<any>) {}

  async forFamily(familyId: string): Promise<InvoiceNames> {
    const [family, children, services] = await Promise.all([
      this.optional(() => this.db.selectFrom('families').select('family_name').where('family_id', '=', familyId).executeTakeFirst(), undefined),
      this.optional(
        () => this.db.selectFrom('family_children').select(['child_id', 'first_name', 'last_name']).where('family_id', '=', familyId).execute(),
        [],
      ),
      this.optional(() => this.db.selectFrom('catalogue_services').select(['code', 'label']).execute(), []),
    ]);
    return {
      familyName: family?.family_name ?? null,
      children: new Map(children.map((c: any) => [String(c.child_id), [c.first_name, c.last_name].filter(Boolean).join(' ')])),
      services: new Map(services.map((s: any) => [s.code, s.label])),
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
