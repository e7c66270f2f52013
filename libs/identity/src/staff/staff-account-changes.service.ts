import { Inject, Injectable } from '@nestjs/common';
import { sql, type Kysely, type Transaction } from 'kysely';
import { AggregateRepository, currentContext, EventOutbox, type DomainEvent, type StagedAppend } from '#ardoise/commands';
import { DATABASE } from '#ardoise/database';
import { ConflictError, NotFoundError, RuleViolationError } from '#ardoise/kernel';
import { AccountStore, type Account } from '../accounts/account-store.js';
import { accountStream, type AccountDisabled, type AccountEnabled, type PasswordChanged, type StaffRoleChanged } from '../accounts/identity-events.js';
import { assertNewPassword } from '../passwords/assert-new-password.js';
import { SessionStore } from '../sessions/session-store.js';
import { OneTimeTokenStore } from '../tokens/one-time-token-store.js';
import type { StaffRole } from './create-staff-account.request.js';

/**
 * An admin changes a staff login: role, disabled/enabled, a new password. Each change and
 * its event are written in one transaction (the event staged in the event outbox, appended
 * after the commit: decision 0012). Changes that could leave the town without an
 * active admin take one transaction-scoped advisory lock first, so that two admins demoting
 * each other at the same moment (from two API processes) cannot both succeed.
 */
@Injectable()
export class StaffAccountChangesService {
  constructor(
    @Inject(AccountStore) private readonly accounts: AccountStore,
    @Inject(SessionStore) private readonly sessions: SessionStore,
    @Inject(OneTimeTokenStore) private readonly tokens: OneTimeTokenStore,
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
    @Inject(DATABASE) private readonly db: Kysely<any>,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
  ) {}

  async changeRole(accountId: string, role: StaffRole): Promise<void> {
    await this.change(accountId, async (account, trx) => {
      if (account.role === role) return [];
      if (account.role === 'admin') await this.keepOneAdmin(account, trx);
      await this.accounts.setRole(accountId, role, trx);
      return [{ type: 'StaffRoleChanged', data: { accountId, from: account.role, to: role } } satisfies StaffRoleChanged];
    });
    // A session carries the role it was opened with only through the account row: nothing to close.
  }

  async disable(accountId: string): Promise<void> {
    if (accountId === currentContext().actor.userId) {
      throw new RuleViolationError('STAFF.SELF_DISABLE', 'Vous ne pouvez pas désactiver votre propre compte.');
    }
    const changed = await this.change(accountId, async (account, trx) => {
      if (account.status === 'disabled') return [];
      if (account.role === 'admin') await this.keepOneAdmin(account, trx);
      await this.accounts.setStatus(accountId, 'disabled', trx);
      return [{ type: 'AccountDisabled', data: { accountId } } satisfies AccountDisabled];
    });
    if (changed) {
      await this.sessions.closeAllFor(accountId);
      await this.tokens.revokeAll(accountId, ['password-reset', 'email-change', 'staff-activation']);
    }
  }

  async enable(accountId: string): Promise<void> {
    await this.change(accountId, async (account, trx) => {
      if (account.status === 'active') return [];
      await this.accounts.setStatus(accountId, 'active', trx);
      return [{ type: 'AccountEnabled', data: { accountId } } satisfies AccountEnabled];
    });
  }

  /** A new password chosen by the admin (told to the person by hand); every session of the account ends. */
  async resetPassword(accountId: string, password: string, passwordConfirmation: string): Promise<void> {
    assertNewPassword(password, passwordConfirmation);
    await this.change(accountId, async (_account, trx) => {
      await this.accounts.changePassword(accountId, password, trx);
      return [{ type: 'PasswordChanged', data: { accountId, via: 'admin' } } satisfies PasswordChanged];
    });
    await this.sessions.closeAllFor(accountId);
    await this.tokens.revokeAll(accountId, ['password-reset', 'email-change', 'staff-activation']);
  }

  /** Runs `decide` on the locked staff account; records its events; true when something changed. */
  private async change(accountId: string, decide: (account: Account, trx: Transaction<any>) => Promise<DomainEvent[]>): Promise<boolean> {
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

  private async keepOneAdmin(account: Account, trx: Transaction<any>): Promise<void> {
    if (account.status !== 'active') return;
    if ((await this.accounts.countOtherActiveAdmins(account.id, trx)) === 0) {
      throw new ConflictError('STAFF.LAST_ADMIN', 'Il doit rester au moins un administrateur actif : nommez-en un autre d’abord.');
    }
  }
}
