import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { sql, type Kysely } from 'kysely';
import type { ErasureRecord } from '#ardoise/contracts';
import { DATABASE } from '#ardoise/database';
import type { FamiliesDatabase } from '../../projections/families-database.js';
import { ERASURES_TABLE } from '../../projections/family-erasures.projector.js';
import { PastErasures } from './past-erasures.query.js';

interface Row {
  family_id: string;
  forgotten_at: Date;
  actor_id: string;
  actor_role: string;
  display_name: string | null;
}

@QueryHandler(PastErasures)
export class PastErasuresHandler implements IQueryHandler<PastErasures> {
  constructor(@Inject(DATABASE) private readonly db: Kysely<FamiliesDatabase>) {}

  async execute(): Promise<ErasureRecord[]> {
    // The staff's names from identity's accounts (a parent's name is never shown).
    const { rows } = await sql<Row>`
      SELECT e.family_id, e.forgotten_at, e.actor_id, e.actor_role, a.display_name
        FROM ${sql.table(ERASURES_TABLE)} e
        LEFT JOIN accounts a ON a.id::text = e.actor_id AND a.role <> 'parent'
       ORDER BY e.forgotten_at DESC
       LIMIT 500`.execute(this.db);
    return rows.map((r) => ({
      familyId: r.family_id,
      forgottenAt: new Date(r.forgotten_at).toISOString(),
      actor: { id: r.actor_id, role: r.actor_role, displayName: r.display_name },
    }));
  }
}
