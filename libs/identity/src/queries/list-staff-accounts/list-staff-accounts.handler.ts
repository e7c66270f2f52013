import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { sql, type Kysely } from 'kysely';
import type { StaffAccountSummary } from '#ardoise/contracts';
import { DATABASE } from '#ardoise/database';
import type { IdentityDatabase } from '../../projections/identity-database.js';
import { ListStaffAccounts } from './list-staff-accounts.query.js';

@QueryHandler(ListStaffAccounts)
export class ListStaffAccountsHandler implements IQueryHandler<ListStaffAccounts> {
  constructor(@Inject(DATABASE) private readonly db: Kysely<IdentityDatabase>) {}

  async execute(): Promise<StaffAccountSummary[]> {
    const rows = await this.db
      .selectFrom('accounts')
      .select(['id', 'email', 'display_name', 'role', 'status', 'created_at'])
      .where('role', '<>', 'parent')
      .orderBy(sql`lower(display_name)`)
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      accountId: row.id,
      email: row.email,
      displayName: row.display_name,
      role: row.role as StaffAccountSummary['role'],
      status: row.status,
      createdAt: row.created_at.toISOString(),
    }));
  }
}
