import { Controller, Get, Inject, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#ardoise/identity';
import type { FamilySummaryView } from '../queries/family-file/family-file.view.js';
import { SearchFamilies } from '../queries/search-families/search-families.query.js';
import { SearchFamiliesQuery } from '../queries/search-families/search-families.request.js';

/** Staff find a family by its name, a guardian's name or e-mail, a login e-mail, or a child's name. */
@ApiTags('familles')
@Controller('families')
@Roles('agent', 'finance', 'auditor', 'admin')
export class SearchFamiliesController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Rechercher une famille (nom, e-mail, enfant)' })
  search(@Query() query: SearchFamiliesQuery): Promise<FamilySummaryView[]> {
    return this.queries.execute(new SearchFamilies(query.q));
  }
}
