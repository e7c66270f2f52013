import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { sql, type Kysely } from 'kysely';
import type { ErasureRecord } from '#ardoise/contracts';
import { DATABASE } from '#ardoise/database';
import { Roles } from '#ardoise/identity';
import { ERASURES_TABLE } from '../../projections/family-erasures.projector.js';

interface Row {
  family_id: string;
  forgotten_at: Date;
  actor_id: string;
  actor_role: string;
  display_name: string | null;
}

/** Past erasures, newest first: family id, when, who (a staff name; never the family's). */
@ApiTags('administration')
@Controller('admin/erasures')
@Roles('admin', 'auditor')
export class PastErasuresController {
  constructor(@Inject(DATABASE) private readonly db: Kysely<any>) {}

  @Get()
  @ApiOperation({ summary: 'Les effacements RGPD passés : qui, quand (sans donnée personnelle)' })
  async list(): Promise<ErasureRecord[]> {
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
