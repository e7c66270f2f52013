import { Controller, Get, Inject } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ServiceView } from '#ardoise/contracts';
import { Public } from '#ardoise/identity';
import { ListServices } from '../queries/list-services/list-services.query.js';

/** The town's prestations are public information: listed without signing in. */
@Public()
@ApiTags('catalogue')
@Controller('catalogue/services')
export class ListServicesController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Les prestations proposées par la commune' })
  @ApiOkResponse({ description: 'Liste des prestations, par code' })
  list(): Promise<ServiceView[]> {
    return this.queries.execute(new ListServices());
  }
}
