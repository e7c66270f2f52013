import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import type { ErasureRecord } from '#ardoise/contracts';
import { DATABASE } from '#ardoise/database';
import { AccountReader } from '#ardoise/identity';
import type { FamiliesDatabase } from '../../projections/families-database.js';
import { ERASURES_TABLE } from '../../projections/family-erasures.projector.js';
import { PastErasures } from './past-erasures.query.js';

@QueryHandler(PastErasures)
export class PastErasuresHandler implements IQueryHandler<PastErasures> {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<FamiliesDatabase>,
    @Inject(AccountReader) private readonly accounts: AccountReader,
  ) {}

  async execute(): Promise<ErasureRecord[]> {
    const rows = await this.db
      .selectFrom(ERASURES_TABLE)
      .select(['family_id', 'forgotten_at', 'actor_id', 'actor_role'])
      .orderBy('forgotten_at', 'desc')
      .limit(500)
      .execute();
    // The staff's names are identity's (a parent's name is never shown).
    const names = await this.accounts.staffNames(rows.map((r) => r.actor_id));
    return rows.map((r) => ({
      familyId: r.family_id,
      forgottenAt: new Date(r.forgotten_at).toISOString(),
      actor: { id: r.actor_id, role: r.actor_role, displayName: names.get(r.actor_id) ?? null },
    }));
  }
}
