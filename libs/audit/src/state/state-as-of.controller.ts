import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Clock } from '#ardoise/commands';
import { CLOCK, currentContext } from '#ardoise/commands';
import { Roles } from '#ardoise/identity';
import { ReadsFrom } from '#ardoise/projections';
import { StateAsOf, type StateAt, type StateDiff } from './state-as-of.js';
import { assertOneMode, StateAsOfRequest } from './state-as-of.request.js';

@ApiTags('audit')
@Roles('auditor', 'admin')
// Reads the event log itself (or its own jobs): never waits for a read model.
@ReadsFrom()
@Controller('audit/streams')
export class StateAsOfController {
  constructor(
    @Inject(StateAsOf) private readonly states: StateAsOf,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':streamId/state')
  @ApiOperation({ summary: "L'état d'un élément (famille, réservation, facture…) à une date, ou ce qui a changé entre deux dates" })
  state(@Param('streamId') streamId: string, @Query() query: StateAsOfRequest): Promise<StateAt | StateDiff> {
    assertOneMode(query);
    const reader = currentContext().actor;
    if (query.from && query.to) return this.states.diff(streamId, query.from, query.to, reader);
    return this.states.at(streamId, query.at ?? this.clock.now(), reader);
  }
}
