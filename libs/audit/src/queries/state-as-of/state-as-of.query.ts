import { Query } from '@nestjs/cqrs';
import type { AuditReader } from '../../event-revealer.js';
import type { StateAt, StateDiff } from '../../state/state-as-of.js';

/** A stream's state at an instant (default: now), or what changed between `from` and `to`. */
export class GetStateAsOf extends Query<StateAt | StateDiff> {
  constructor(
    readonly streamId: string,
    readonly instants: { at?: Date; from?: Date; to?: Date },
    readonly reader: AuditReader,
  ) {
    super();
  }
}
