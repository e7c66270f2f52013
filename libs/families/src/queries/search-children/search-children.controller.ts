import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { sql, type Kysely } from 'kysely';
import { DATABASE } from '#ardoise/database';
import { Roles } from '#ardoise/identity';
import { CHILDREN_TABLE, FAMILIES_TABLE } from '../../projections/read-model.js';

export class SearchChildrenQuery {
  @IsString()
  @MinLength(2, { message: 'Au moins 2 caractères.' })
  @MaxLength(100)
  q!: string;
}

export interface ChildFoundView {
  childId: string;
  familyId: string;
  firstName: string | null;
  lastName: string | null;
  school: string | null;
  className: string | null;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Agents find a child by name (the attendance sheet: a child present without a booking). No health data here. */
@ApiTags('familles')
@Controller('children')
@Roles('agent', 'admin', 'auditor')
export class SearchChildrenController {
  constructor(@Inject(DATABASE) private readonly db: Kysely<any>) {}

  @Get()
  @ApiOperation({ summary: 'Rechercher un enfant par son nom ou son prénom (20 au plus)' })
  async search(@Query() query: SearchChildrenQuery): Promise<ChildFoundView[]> {
    const pattern = `%${escapeLike(query.q.trim())}%`;
    const { rows } = await sql<{
      child_id: string;
      family_id: string;
      first_name: string | null;
      last_name: string | null;
      school: string | null;
      class_name: string | null;
    }>`
      SELECT c.child_id, c.family_id, c.first_name, c.last_name, c.school, c.class_name
      FROM ${sql.table(CHILDREN_TABLE)} c JOIN ${sql.table(FAMILIES_TABLE)} f ON f.family_id = c.family_id
      WHERE NOT c.erased AND f.status <> 'forgotten'
        AND (c.first_name ILIKE ${pattern} OR c.last_name ILIKE ${pattern} OR concat_ws(' ', c.first_name, c.last_name) ILIKE ${pattern})
      ORDER BY c.last_name, c.first_name, c.child_id
      LIMIT 20`.execute(this.db);
    return rows.map((r) => ({
      childId: r.child_id,
      familyId: r.family_id,
      firstName: r.first_name,
      lastName: r.last_name,
      school: r.school,
      className: r.class_name,
    }));
  }
}
