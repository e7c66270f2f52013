import { Controller, Get, Inject, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#ardoise/identity';
import { SearchChildren, type ChildFoundView } from '../queries/search-children/search-children.query.js';
import { SearchChildrenQuery } from '../queries/search-children/search-children.request.js';

/** Agents find a child by name (the attendance sheet: a child present without a booking). No health data here. */
@ApiTags('familles')
@Controller('children')
@Roles('agent', 'admin', 'auditor')
export class SearchChildrenController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Rechercher un enfant par son nom ou son prénom (20 au plus)' })
  search(@Query() query: SearchChildrenQuery): Promise<ChildFoundView[]> {
    return this.queries.execute(new SearchChildren(query.q));
  }
}
