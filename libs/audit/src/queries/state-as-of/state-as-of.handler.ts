import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '#ardoise/commands';
import { StateAsOf, type StateAt, type StateDiff } from '../../state/state-as-of.js';
import { GetStateAsOf } from './state-as-of.query.js';

@QueryHandler(GetStateAsOf)
export class GetStateAsOfHandler implements IQueryHandler<GetStateAsOf> {
  constructor(
    @Inject(StateAsOf) private readonly states: StateAsOf,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ streamId, instants: { at, from, to }, reader }: GetStateAsOf): Promise<StateAt | StateDiff> {
    if (from && to) return this.states.diff(streamId, from, to, reader);
    return this.states.at(streamId, at ?? this.clock.now(), reader);
  }
}
