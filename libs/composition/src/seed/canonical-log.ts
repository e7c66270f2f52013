/**
 * A log written by the school-year seed, in a form two seeds with the same seed number can
 * be compared in: the ids the commands draw at random (children, reservations, requests,
 * news, credit notes…) are named by where they first appear (the 2nd child of family F, the
 * 7th reservation of its basket), sealed personal data is blanked (each family's key is
 * random), and metadata is left out (correlation ids). What is left must be equal, stream
 * by stream and in each stream's order, whatever the concurrency of the seed.
 */
export interface LoggedEvent {
  streamId: string;
  type: string;
  data: Record<string, unknown>;
}

export interface CanonicalLog {
  /** Events per type. */
  types: Record<string, number>;
  /** Each stream (by its canonical name) with its events in order, as canonical JSON lines. */
  streams: Map<string, string[]>;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const SEALED = /^pd\d+\./;

/** Which id an event introduces, and the name it gets: `name(ownerLabel, rank)` counted per owner. */
const INTRODUCED: Record<string, { id: string; owner: (e: LoggedEvent) => string; kind: string }[]> = {
  ChildRegistered: [{ id: 'childId', owner: (e) => e.streamId, kind: 'child' }],
  GuardianAdded: [{ id: 'guardianId', owner: (e) => e.streamId, kind: 'guardian' }],
  ReservationRequested: [{ id: 'reservationId', owner: (e) => e.streamId, kind: 'reservation' }],
  RequestOpened: [
    { id: 'requestId', owner: (e) => String(e.data.familyId), kind: 'request' },
    { id: 'messageId', owner: (e) => String(e.data.requestId), kind: 'message' },
  ],
  RequestMessagePosted: [{ id: 'messageId', owner: (e) => String(e.data.requestId), kind: 'message' }],
  NewsPublished: [{ id: 'newsId', owner: (e) => String(e.data.title), kind: 'news' }],
  CreditNoteIssued: [{ id: 'creditNoteId', owner: (e) => String(e.data.invoiceId), kind: 'credit-note' }],
  BillingRunCompleted: [{ id: 'runId', owner: (e) => String(e.data.period), kind: 'billing-run' }],
  AccountCreated: [{ id: 'accountId', owner: () => 'town', kind: 'account' }],
};

export function canonicalLog(events: readonly LoggedEvent[]): CanonicalLog {
  const names = new Map<string, string>();
  const ranks = new Map<string, number>();
  // Owners are named before the ids they own are read: replace what is known so far.
  const label = (value: string) => value.replace(UUID, (id) => names.get(id.toLowerCase()) ?? id);
  for (const event of events) {
    for (const introduced of INTRODUCED[event.type] ?? []) {
      const id = event.data[introduced.id];
      if (typeof id !== 'string' || names.has(id.toLowerCase())) continue;
      const owner = label(introduced.owner(event));
      const key = `${introduced.kind}:${owner}`;
      const rank = (ranks.get(key) ?? 0) + 1;
      ranks.set(key, rank);
      names.set(id.toLowerCase(), `<${introduced.kind} ${rank} of ${owner}>`);
    }
  }
  const types: Record<string, number> = {};
  const streams = new Map<string, string[]>();
  for (const event of events) {
    types[event.type] = (types[event.type] ?? 0) + 1;
    const stream = label(event.streamId);
    const canonical = (key: string, value: unknown): unknown => {
      if (typeof value === 'string') return SEALED.test(value) ? '<sealed>' : label(value);
      // An invoice's lines come in the order of the children's ids, which are drawn at random.
      if (key === 'lines' && event.type === 'InvoiceIssued' && Array.isArray(value)) return value.map((v) => JSON.stringify(v, canonical)).sort();
      return value;
    };
    const line = `${event.type} ${JSON.stringify(event.data, canonical)}`;
    const list = streams.get(stream) ?? [];
    list.push(line);
    streams.set(stream, list);
  }
  return { types, streams };
}

/** The first difference between two canonical logs, said in a line; undefined when equal. */
export function firstDifference(a: CanonicalLog, b: CanonicalLog): string | undefined {
  const names = [...new Set([...a.streams.keys(), ...b.streams.keys()])].sort();
  for (const name of names) {
    const left = a.streams.get(name) ?? [];
    const right = b.streams.get(name) ?? [];
    for (let i = 0; i < Math.max(left.length, right.length); i++) {
      if (left[i] !== right[i]) return `${name} #${i}: ${left[i] ?? '(none)'} ≠ ${right[i] ?? '(none)'}`;
    }
  }
  return undefined;
}
