import type { ServiceDayWriter } from '#ardoise/reservations';

type Execute = ServiceDayWriter['execute'];
type ServiceDayCommand = Parameters<Execute>[1];

interface Day {
  /** The announced keys, in the order they must reach the day. */
  order: string[];
  /** Index in `order` of the next key to let through. */
  next: number;
  /** Announced keys not arrived (nor withdrawn) yet. */
  expected: Set<string>;
  waiters: Map<string, () => void>;
}

/** A command the seed will send to a service day: its kind and its child identify it within one step. */
export interface Arrival {
  streamId: string;
  type: ServiceDayCommand['type'];
  childId: string;
}

const keyOf = (type: string, childId: string) => `${type}:${childId}`;

function arrivalKey(command: ServiceDayCommand): string | undefined {
  const childId = command.type === 'ValidateLine' ? command.line.childId : 'childId' in command ? command.childId : undefined;
  return childId ? keyOf(command.type, childId) : undefined;
}

/**
 * The order in which the seed's commands reach each service day. Who gets a day's last places,
 * the waiting list's ranks and who is promoted when a place frees up all depend on it; families
 * served at once would otherwise reach a day in the order their reads happen to come back, and
 * two seeds with the same seed number would differ.
 *
 * The seed announces, day by day, the commands it is about to send (in the order of its
 * families); a command announced for a day then waits until the ones announced before it were
 * handed to the day's group commit, which decides them in that order. Every command still
 * takes the whole command path (handler, catalogue rules, group commit, decider, append); only
 * the moment it reaches the day is held. Commands not announced pass at once.
 */
export class ArrivalOrder {
  private readonly days = new Map<string, Day>();
  private readonly execute: Execute;

  constructor(private readonly writer: ServiceDayWriter) {
    this.execute = writer.execute.bind(writer);
    writer.execute = (streamId, command, context, replayByIdempotencyKey) => this.arrive(streamId, command, context, replayByIdempotencyKey);
  }

  /** The writer as it was. */
  close(): void {
    this.writer.execute = this.execute;
    for (const [streamId, day] of this.days) for (const key of [...day.expected]) this.release(streamId, key);
  }

  announce({ streamId, type, childId }: Arrival): void {
    const key = keyOf(type, childId);
    let day = this.days.get(streamId);
    if (!day) this.days.set(streamId, (day = { order: [], next: 0, expected: new Set(), waiters: new Map() }));
    if (day.expected.has(key)) throw new Error(`${key} already announced on ${streamId}`);
    day.order.push(key);
    day.expected.add(key);
  }

  /**
   * Runs `work`, which sends the commands `announced` for it; then withdraws those it did not
   * send (its handler failed before reaching the day), so that the next ones do not wait for them.
   */
  async during<T>(announced: readonly Arrival[], work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } finally {
      for (const { streamId, type, childId } of announced) this.release(streamId, keyOf(type, childId));
    }
  }

  private release(streamId: string, key: string): void {
    const day = this.days.get(streamId);
    if (!day?.expected.delete(key)) return;
    this.advance(streamId, day);
  }

  private async arrive(...[streamId, command, context, replayByIdempotencyKey]: Parameters<Execute>): ReturnType<Execute> {
    const key = arrivalKey(command);
    const day = this.days.get(streamId);
    if (!key || !day?.expected.has(key)) return this.execute(streamId, command, context, replayByIdempotencyKey);
    if (day.order[day.next] !== key) await new Promise<void>((resolve) => day.waiters.set(key, resolve));
    day.waiters.delete(key);
    // Queued in the day's group commit synchronously, before the next one is let through.
    const decided = this.execute(streamId, command, context, replayByIdempotencyKey);
    day.expected.delete(key);
    this.advance(streamId, day);
    return decided;
  }

  private advance(streamId: string, day: Day): void {
    while (day.next < day.order.length && !day.expected.has(day.order[day.next]!)) day.next++;
    if (day.next === day.order.length) {
      this.days.delete(streamId);
      return;
    }
    day.waiters.get(day.order[day.next]!)?.();
  }
}
