import { Controller, Get, Inject } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ErasureRecord } from '#ardoise/contracts';
import { Roles } from '#ardoise/identity';
import { PastErasures } from '../queries/past-erasures/past-erasures.query.js';

/** Past erasures, newest first: family id, when, who (a staff name; never the family's). */
@ApiTags('administration')
@Controller('admin/erasures')
@Roles('admin', 'auditor')
export class PastErasuresController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Les effacements RGPD passés : qui, quand (sans donnée personnelle)' })
  list(): Promise<ErasureRecord[]> {
    return this.queries.execute(new PastErasures());
  }
}
