import type { AggregateRepository, CommandOutcome, WritePolicy } from './aggregate-repository.js';
import type { Decider, DomainEvent } from './decider.js';
import type { RequestContext } from './request-context.js';

interface Queued<TState, TCommand, TEvent> {
  command: TCommand;
  context: RequestContext;
  replayByIdempotencyKey?: boolean;
  resolve: (outcome: CommandOutcome<TState, TEvent>) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommitOptions<TState> extends WritePolicy<TState> {
  /** Commands decided together at most (one append). */
  maxBatch: number;
}

/**
 * Group commit for hot streams (decision 0005): inside one process, commands for the same
 * stream are queued and decided together by the command pipeline, one append per batch,
 * usually on a state kept in memory (`followedStream`). Correctness still comes from the
 * store alone: each batch is appended at the revision it was decided on.
 */
export class GroupCommit<TState, TCommand, TEvent extends DomainEvent> {
  private readonly queues = new Map<string, Queued<TState, TCommand, TEvent>[]>();

  constructor(
    private readonly pipeline: AggregateRepository,
    private readonly decider: Decider<TState, TCommand, TEvent>,
    private readonly options: GroupCommitOptions<TState>,
  ) {}

  /** The command's events and the stream's state after its batch. */
  execute(
    streamId: string,
    command: TCommand,
    context: RequestContext,
    replayByIdempotencyKey = true,
  ): Promise<{ events: TEvent[]; state: TState; replayed: boolean }> {
    return new Promise<CommandOutcome<TState, TEvent>>((resolve, reject) => {
      const queue = this.queues.get(streamId);
      const queued = { command, context, replayByIdempotencyKey, resolve, reject };
      if (queue) {
        queue.push(queued);
        return;
      }
      this.queues.set(streamId, [queued]);
      void this.drain(streamId);
    }).then((outcome) => {
      if (!outcome.ok) throw outcome.error;
      return { events: outcome.events, state: outcome.state, replayed: outcome.replayed };
    });
  }

  private async drain(streamId: string): Promise<void> {
    const queue = this.queues.get(streamId)!;
    while (queue.length > 0) {
      const batch = queue.splice(0, this.options.maxBatch);
      try {
        const outcomes = await this.pipeline.decideBatch(streamId, this.decider, batch, this.options);
        batch.forEach((queued, i) => queued.resolve(outcomes[i]!));
      } catch (error) {
        batch.forEach((queued) => queued.reject(error));
      }
    }
    this.queues.delete(streamId);
  }
}
