import { Inject, Injectable } from '@nestjs/common';
import { sql, type Kysely, type Transaction } from 'kysely';
import { AggregateRepository, currentContext, EventOutbox, type DomainEvent, type StagedAppend } from '#ardoise/commands';
import { DATABASE } from '#ardoise/database';
import { ConflictError, NotFoundError } from '#ardoise/kernel';
import { AccountStore, type Account } from '../accounts/account-store.js';
import { accountStream } from '../accounts/identity-events.js';
import type { IdentityDatabase } from '../projections/identity-database.js';

/**
 * How an admin's change to a staff login is written (role, disabled/enabled, a new password):
 * the change and its event in one transaction (the event staged in the event outbox, appended
 * after the commit: decision 0012). Changes that could leave the town without an active admin
 * take one transaction-scoped advisory lock first, so that two admins demoting each other at
 * the same moment (from two API processes) cannot both succeed.
 */
@Injectable()
export class StaffAccountWriter {
  constructor(
    @Inject(AccountStore) private readonly accounts: AccountStore,
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
    @Inject(DATABASE) private readonly db: Kysely<IdentityDatabase>,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
  ) {}

  /** Runs `decide` on the locked staff account; records its events; true when something changed. */
  async change(accountId: string, decide: (account: Account, trx: Transaction<IdentityDatabase>) => Promise<DomainEvent[]>): Promise<boolean> {
    let staged: StagedAppend[] = [];
    const changed = await this.db.transaction().execute(async (trx) => {
      // Every admin-changing transaction queues here first, then reads the rows fresh.
      await sql`SELECT pg_advisory_xact_lock(hashtext('ardoise:staff-admins'))`.execute(trx);
      const account = await this.accounts.findById(accountId, trx);
      if (!account || account.role === 'parent') throw new NotFoundError('STAFF.NOT_FOUND', 'Compte du personnel introuvable.');
      const events = await decide(account, trx);
      if (events.length === 0) return false;
      staged = [this.repository.prepareFacts(accountStream(accountId), events, currentContext())];
      await this.outbox.stage(trx, staged);
      return true;
    });
    if (staged.length > 0) await this.outbox.flush(staged);
    return changed;
  }

  /** Refuses a change that would leave no active admin (call inside `change`, under its lock). */
  async keepOneAdmin(account: Account, trx: Transaction<IdentityDatabase>): Promise<void> {
    if (account.status !== 'active') return;
    if ((await this.accounts.countOtherActiveAdmins(account.id, trx)) === 0) {
      throw new ConflictError('STAFF.LAST_ADMIN', 'Il doit rester au moins un administrateur actif : nommez-en un autre d’abord.');
    }
  }
}
