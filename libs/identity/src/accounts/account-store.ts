import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { ConflictError } from '#ardoise/kernel';
import type { Role } from '#ardoise/commands';
import { hashPassword } from './password-hasher.js';

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
  constructor(private readonly db: Kysely<any>) {}

  async create(account: NewAccount, db: Kysely<any> = this.db): Promise<Account> {
    const id = account.id ?? randomUUID();
    const passwordHash = await hashPassword(account.password);
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

  async findById(id: string, db: Kysely<any> = this.db): Promise<Account | undefined> {
    const row = await db.selectFrom('accounts').select(columns).where('id', '=', id).executeTakeFirst();
    return row ? toAccount(row) : undefined;
  }

  async emailInUse(email: string): Promise<boolean> {
    return (await this.findByEmail(email)) !== undefined;
  }

  async changePassword(id: string, password: string, db: Kysely<any> = this.db): Promise<void> {
    await db
      .updateTable('accounts')
      .set({ password_hash: await hashPassword(password), password_changed_at: sql`now()` })
      .where('id', '=', id)
      .execute();
  }

  async changeEmail(id: string, email: string, db: Kysely<any> = this.db): Promise<void> {
    try {
      await db.updateTable('accounts').set({ email: email.trim() }).where('id', '=', id).execute();
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw emailTaken();
      throw error;
    }
  }

  /** The town's staff logins (every role but parents), by name. */
  async listStaff(): Promise<Array<Account & { createdAt: Date }>> {
    const rows = await this.db
      .selectFrom('accounts')
      .select([...columns, 'created_at'])
      .where('role', '<>', 'parent')
      .orderBy(sql`lower(display_name)`)
      .orderBy('id')
      .execute();
    return rows.map((row) => ({ ...toAccount(row), createdAt: row.created_at }));
  }

  async setRole(id: string, role: AccountRole, db: Kysely<any> = this.db): Promise<void> {
    await db.updateTable('accounts').set({ role }).where('id', '=', id).execute();
  }

  async setStatus(id: string, status: Account['status'], db: Kysely<any> = this.db): Promise<void> {
    await db.updateTable('accounts').set({ status }).where('id', '=', id).execute();
  }

  /** Active admins other than `except`. */
  async countOtherActiveAdmins(except: string, db: Kysely<any> = this.db): Promise<number> {
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
