import type { Kysely } from 'kysely';
import { AccountReader, type FamilyLogin } from '#ardoise/identity';

/**
 * The parent logins of the families a notification batch names, read for all of them in one
 * query the first time a builder asks (identity's reader); a family asked for later, that no
 * event of the batch named, costs one more query for itself.
 */
export class FamilyRecipients {
  private readonly logins = new Map<string, readonly FamilyLogin[]>();
  private readonly pending: Set<string>;
  private readonly accounts: AccountReader;

  /** `trx`: the batch's transaction. */
  constructor(trx: Kysely<any>, familyIds: Iterable<string>) {
    this.accounts = new AccountReader(trx);
    this.pending = new Set(familyIds);
  }

  /** The family's active parent logins, oldest first (none: no e-mail to send). */
  async of(familyId: string): Promise<readonly FamilyLogin[]> {
    if (!this.logins.has(familyId)) {
      this.pending.add(familyId);
      const found = await this.accounts.familyParentLogins(this.pending);
      for (const id of this.pending) this.logins.set(id, found.get(id) ?? []);
      this.pending.clear();
    }
    return this.logins.get(familyId)!;
  }

  /** The address a family's e-mails go to: its oldest active parent login's. */
  async emailOf(familyId: string): Promise<string | undefined> {
    return (await this.of(familyId))[0]?.email;
  }
}
