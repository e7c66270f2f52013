import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { ConflictError } from '#ardoise/kernel';
import type { Role } from '#ardoise/commands';
import type { PasswordHasher } from './password-hasher.js';
import { identityTables, type CallerConnection, type IdentityDatabase } from '../projections/identity-database.js';

export type AccountRole = Exclude<Role, 'anonymous' | 'system'>;

export interface Account {
  id: string;
  email: string;
  passwordHash: string;
  role: AccountRole;
  familyId: string | null;
  guardianId: string | null;
  displayName: string;
  status: 'active' | 'disabled';
}

export interface NewAccount {
  /** Chosen by the caller when its events name the login before the row exists (default: a new one). */
  id?: string;
  email: string;
  password: string;
  role: AccountRole;
  displayName: string;
  familyId?: string;
  guardianId?: string;
}

const columns = ['id', 'email', 'password_hash', 'role', 'family_id', 'guardian_id', 'display_name', 'status'] as const;

const toAccount = (row: Record<string, any>): Account => ({
  id: row.id,
  email: row.email,
  passwordHash: row.password_hash,
  role: row.role,
  familyId: row.family_id,
  guardianId: row.guardian_id,
  displayName: row.display_name,
  status: row.status,
});

/** Logins: e-mail (case-insensitive, unique), argon2id hash, role, family for parents. */
export class AccountStore {
  constructor(
    private readonly db: Kysely<IdentityDatabase>,
    private readonly passwords: PasswordHasher,
  ) {}

  async create(account: NewAccount, connection: CallerConnection = this.db): Promise<Account> {
    const db = identityTables(connection);
    const id = account.id ?? randomUUID();
    const passwordHash = await this.passwords.hash(account.password);
    try {
      await db
        .insertInto('accounts')
        .values({
          id,
          email: account.email.trim(),
          password_hash: passwordHash,
          role: account.role,
          family_id: account.familyId ?? null,
          guardian_id: account.guardianId ?? null,
          display_name: account.displayName,
        })
        .execute();
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw emailTaken();
      throw error;
    }
    return (await this.findById(id, db))!;
  }

  async findByEmail(email: string): Promise<Account | undefined> {
    const row = await this.db
      .selectFrom('accounts')
      .select(columns)
      .where(sql`lower(email)`, '=', email.trim().toLowerCase())
      .executeTakeFirst();
    return row ? toAccount(row) : undefined;
  }

  async findById(id: string, connection: CallerConnection = this.db): Promise<Account | undefined> {
    const db = identityTables(connection);
    const row = await db.selectFrom('accounts').select(columns).where('id', '=', id).executeTakeFirst();
    return row ? toAccount(row) : undefined;
  }

  async changePassword(id: string, password: string, connection: CallerConnection = this.db): Promise<void> {
    const db = identityTables(connection);
    await db
      .updateTable('accounts')
      .set({ password_hash: await this.passwords.hash(password), password_changed_at: sql`now()` })
      .where('id', '=', id)
      .execute();
  }

  async changeEmail(id: string, email: string, connection: CallerConnection = this.db): Promise<void> {
    const db = identityTables(connection);
    try {
      await db.updateTable('accounts').set({ email: email.trim() }).where('id', '=', id).execute();
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw emailTaken();
      throw error;
    }
  }

  async setRole(id: string, role: AccountRole, connection: CallerConnection = this.db): Promise<void> {
    const db = identityTables(connection);
    await db.updateTable('accounts').set({ role }).where('id', '=', id).execute();
  }

  async setStatus(id: string, status: Account['status'], connection: CallerConnection = this.db): Promise<void> {
    const db = identityTables(connection);
    await db.updateTable('accounts').set({ status }).where('id', '=', id).execute();
  }

  /** Active admins other than `except`. */
  async countOtherActiveAdmins(except: string, connection: CallerConnection = this.db): Promise<number> {
    const db = identityTables(connection);
    const row = await db
      .selectFrom('accounts')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('role', '=', 'admin')
      .where('status', '=', 'active')
      .where('id', '<>', except)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** RGPD erasure of a family: its logins go, with their sessions (cascade). */
  async deleteFamilyAccounts(familyId: string): Promise<number> {
    const result = await this.db.deleteFrom('accounts').where('family_id', '=', familyId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

function emailTaken(): ConflictError {
  return new ConflictError('ACCOUNT.EMAIL_TAKEN', 'Cette adresse e-mail est déjà utilisée pour un autre compte.');
}
