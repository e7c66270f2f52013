import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { currentContext } from '#ardoise/commands';
import { Roles } from '#ardoise/identity';
import { ReadsFrom } from '#ardoise/projections';
import { GetStateAsOf } from '../queries/state-as-of/state-as-of.query.js';
import { assertOneMode, StateAsOfRequest } from '../queries/state-as-of/state-as-of.request.js';
import type { StateAt, StateDiff } from '../state/state-as-of.js';

@ApiTags('audit')
@Roles('auditor', 'admin')
// Reads the event log itself (or its own jobs): never waits for a read model.
@ReadsFrom()
@Controller('audit/streams')
export class StateAsOfController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get(':streamId/state')
  @ApiOperation({ summary: "L'état d'un élément (famille, réservation, facture…) à une date, ou ce qui a changé entre deux dates" })
  state(@Param('streamId') streamId: string, @Query() query: StateAsOfRequest): Promise<StateAt | StateDiff> {
    assertOneMode(query);
    return this.queries.execute(new GetStateAsOf(streamId, { at: query.at, from: query.from, to: query.to }, currentContext().actor));
  }
}
