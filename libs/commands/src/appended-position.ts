import type { AppendResult, EventData, EventStore, ExpectedRevision } from '#ardoise/event-store';
import { peekContext } from './request-context.js';

/**
 * Read-your-writes, the writing side: every append made while serving a request records
 * the position of its last event in the request's context (the latest of them when a
 * command appends to several streams). The HTTP edge answers it as `Ardoise-Position`; a
 * later query sends it back and waits until the read models it reads have passed it.
 *
 * Wraps the store the whole app appends through (commands, service days, invoices…), so no
 * write path can forget it.
 */
export function trackAppendedPositions(store: EventStore): EventStore {
  return new PositionTrackingStore(store);
}

class PositionTrackingStore implements EventStore {
  readonly positions: EventStore['positions'];
  constructor(private readonly inner: EventStore) {
    this.positions = inner.positions;
  }

  async append(streamId: string, events: EventData[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult> {
    const result = await this.inner.append(streamId, events, options);
    const context = peekContext();
    if (context && events.length > 0) {
      const previous = context.appendedPosition;
      if (!previous || this.positions.compare(this.positions.decode(previous), result.position) < 0) {
        context.appendedPosition = this.positions.encode(result.position);
      }
    }
    return result;
  }

  readStream(...args: Parameters<EventStore['readStream']>) {
    return this.inner.readStream(...args);
  }
  readAll(...args: Parameters<EventStore['readAll']>) {
    return this.inner.readAll(...args);
  }
  subscribeToAll(...args: Parameters<EventStore['subscribeToAll']>) {
    return this.inner.subscribeToAll(...args);
  }
  streamRevision(streamId: string) {
    return this.inner.streamRevision(streamId);
  }
  eventCount() {
    return this.inner.eventCount();
  }
  close() {
    return this.inner.close();
  }
}
