import { computeEventHash, type RecordedEvent } from '#ardoise/event-store';
import { StreamChainChecker } from './stream-chain-checker.js';

const metadata = {
  actor: { userId: 'agent-1', role: 'agent' },
  correlationId: 'c',
  causationId: 'c',
  occurredAt: '2026-09-01T08:00:00.000Z',
  schemaVersion: 1,
};

/** A well-chained stream of `n` events. */
function aStream(streamId: string, n: number): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  let previousHash = '';
  for (let i = 0; i < n; i++) {
    const base = { streamId, revision: BigInt(i), type: 'ReservationRequested', data: { day: i }, metadata };
    const hash = computeEventHash(previousHash, base);
    events.push({ ...base, id: `${streamId}-e${i}`, position: {} as never, recordedAt: new Date(), hash, previousHash });
    previousHash = hash;
  }
  return events;
}

function check(events: RecordedEvent[]) {
  const checker = new StreamChainChecker((e) => `p-${e.id}`);
  for (const event of events) checker.check(event);
  return checker;
}

describe('checking the hash chain of every stream in one pass', () => {
  it('finds nothing wrong in untouched streams, interleaved as in $all', () => {
    const a = aStream('reservation-a', 4);
    const b = aStream('reservation-b', 3);
    const checker = check([a[0]!, b[0]!, a[1]!, b[1]!, b[2]!, a[2]!, a[3]!]);
    expect(checker.brokenLinks()).toEqual([]);
    expect(checker.streamsChecked).toBe(2);
  });

  it('names an event whose data was edited, with the expected and the stored hash', () => {
    const events = aStream('invoice-1', 3);
    const edited = { ...events[1]!, data: { day: 99 } };
    const [broken] = check([events[0]!, edited, events[2]!]).brokenLinks();
    expect(broken).toMatchObject({ kind: 'hash-mismatch', streamId: 'invoice-1', revision: 1, eventId: 'invoice-1-e1', stored: events[1]!.hash });
    expect(broken!.expected).toBe(computeEventHash(events[0]!.hash, edited));
  });

  it('names the missing revision of a deleted event', () => {
    const events = aStream('family-1', 4);
    expect(check([events[0]!, events[1]!, events[3]!]).brokenLinks()).toEqual([
      expect.objectContaining({ kind: 'missing-event', streamId: 'family-1', revision: 2, eventId: 'family-1-e3', expected: '2', stored: '3' }),
    ]);
  });

  it('tells reordered events from a deleted one', () => {
    const events = aStream('family-2', 3);
    expect(check([events[0]!, events[2]!, events[1]!]).brokenLinks()).toEqual([
      expect.objectContaining({ kind: 'out-of-order', streamId: 'family-2', revision: 1, eventId: 'family-2-e2' }),
    ]);
  });

  it('finds an event rehashed to hide an edit, because the next one no longer chains to it', () => {
    const events = aStream('invoice-2', 3);
    const forged = { ...events[1]!, data: { day: 42 } };
    forged.hash = computeEventHash(events[0]!.hash, forged);
    expect(check([events[0]!, forged, events[2]!]).brokenLinks()).toEqual([
      expect.objectContaining({ kind: 'previous-hash-mismatch', revision: 2, expected: forged.hash, stored: events[1]!.hash }),
    ]);
  });

  it('reports only the first broken link of a stream', () => {
    const events = aStream('invoice-3', 4);
    const broken = check([events[0]!, { ...events[1]!, data: 'x' }, { ...events[2]!, data: 'y' }, events[3]!]).brokenLinks();
    expect(broken).toHaveLength(1);
    expect(broken[0]!.revision).toBe(1);
  });
});
