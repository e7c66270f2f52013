import { createHash } from 'node:crypto';
import { canonicalEventText, canonicalJson, computeEventHash, findFirstBrokenLink, sha256Hex, toStorableJson, type ChainedEvent } from './event-hash.js';

const metadata = {
  actor: { userId: 'u-1', role: 'agent' },
  correlationId: 'c-1',
  causationId: 'c-1',
  occurredAt: '2026-09-01T08:00:00.000Z',
  schemaVersion: 1,
};

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: true, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[1,{"y":null,"z":true}]},"b":1}');
  });

  it('writes bigint as a decimal string, Dates through toJSON, drops undefined like JSON', () => {
    expect(canonicalJson({ n: 12345678901234567890n, at: new Date('2026-01-02T03:04:05.000Z'), gone: undefined, arr: [undefined] })).toBe(
      '{"arr":[null],"at":"2026-01-02T03:04:05.000Z","n":"12345678901234567890"}',
    );
  });

  it('gives the same text before storing and after a JSON (jsonb) round trip', () => {
    const value = { z: 1e21, y: 0.1 + 0.2, x: -0, w: 'été “ü” \u2028', v: [3n, new Date(0)], u: { b: undefined, a: 1 } };
    const roundTripped = JSON.parse(toStorableJson(value));
    expect(canonicalJson(roundTripped)).toBe(canonicalJson(value));
  });

  it('refuses values with no faithful JSON form', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => canonicalJson(loop)).toThrow(/circular/);
  });
});

describe('computeEventHash', () => {
  const event = { streamId: 'family-1', revision: 0n, type: 'FamilyAccountCreated', data: { name: 'Martin' }, metadata };

  it('is sha256(previousHash + "\\n" + canonical JSON of {streamId, revision, type, data, metadata})', () => {
    const canonical =
      '{"data":{"name":"Martin"},"metadata":{"actor":{"role":"agent","userId":"u-1"},"causationId":"c-1","correlationId":"c-1","occurredAt":"2026-09-01T08:00:00.000Z","schemaVersion":1},"revision":"0","streamId":"family-1","type":"FamilyAccountCreated"}';
    expect(computeEventHash('', event)).toBe(sha256Hex(`\n${canonical}`));
    expect(computeEventHash('', event)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with any field and with the previous hash', () => {
    const base = computeEventHash('', event);
    expect(computeEventHash('x', event)).not.toBe(base);
    expect(computeEventHash('', { ...event, revision: 1n })).not.toBe(base);
    expect(computeEventHash('', { ...event, streamId: 'family-2' })).not.toBe(base);
    expect(computeEventHash('', { ...event, type: 'Other' })).not.toBe(base);
    expect(computeEventHash('', { ...event, data: { name: 'Martine' } })).not.toBe(base);
    expect(computeEventHash('', { ...event, metadata: { ...metadata, schemaVersion: 2 } })).not.toBe(base);
    // key order is irrelevant
    expect(computeEventHash('', { metadata, data: { name: 'Martin' }, type: event.type, revision: 0n, streamId: 'family-1' })).toBe(base);
  });
});

describe('the hash an outside auditor recomputes (RFC 8785 JCS, docs/audit-hash.md)', () => {
  // Written by hand from RFC 8785 and checked with an independent implementation (Python's
  // json + hashlib): keys sorted by UTF-16 code units ('\u20ac' < '\ud83d\ude00' < '\ufb00', unlike
  // code point order), ES number forms (1e+21, 0.30000000000000004, -0 → 0), only the escapes JSON
  // requires (\n, \t, \u001f; not U+2028, not '/', not non-ASCII), the revision as a string.
  const event = {
    streamId: 'service_day-CANTINE-2027-01-04',
    revision: 1n,
    type: 'ReservationValidated',
    data: {
      reservationId: '0b6f1c2e-8d1a-4c3b-9a51-3c1f2e4d5a6b',
      childName: 'Léa «\u00a0Zoé\u00a0» O’Brien',
      note: 'ligne 1\nligne 2\t\u001f \u2028 /',
      places: 1e21,
      ratio: 0.1 + 0.2,
      cents: -0,
      list: [3, null, true, false],
      '\u20ac': 1,
      '\ud83d\ude00': 2,
      '\ufb00': 3,
      a: { z: 1, B: 2, b: 3 },
      absent: undefined,
    },
    metadata: {
      actor: { userId: 'u-1', role: 'agent' },
      correlationId: 'c-1',
      causationId: 'c-1',
      occurredAt: new Date('2027-01-04T08:00:00.000Z'),
      schemaVersion: 2,
    },
  };
  const previousHash = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
  const jcs =
    '{"data":{"a":{"B":2,"b":3,"z":1},"cents":0,"childName":"L\u00e9a \u00ab\u00a0Zo\u00e9\u00a0\u00bb O\u2019Brien","list":[3,null,true,false],"note":"ligne 1\\nligne 2\\t\\u001f \u2028 /","places":1e+21,"ratio":0.30000000000000004,"reservationId":"0b6f1c2e-8d1a-4c3b-9a51-3c1f2e4d5a6b","\u20ac":1,"\ud83d\ude00":2,"\ufb00":3},"metadata":{"actor":{"role":"agent","userId":"u-1"},"causationId":"c-1","correlationId":"c-1","occurredAt":"2027-01-04T08:00:00.000Z","schemaVersion":2},"revision":"1","streamId":"service_day-CANTINE-2027-01-04","type":"ReservationValidated"}';

  it('hashes exactly the JCS text of {streamId, revision, type, data, metadata}', () => {
    expect(canonicalEventText(event)).toBe(jcs);
  });

  it('is SHA-256 of previousHash, a line feed and that text, in UTF-8, as lowercase hex', () => {
    const independent = createHash('sha256')
      .update(Buffer.from(`${previousHash}\n${jcs}`, 'utf8'))
      .digest('hex');
    expect(independent).toBe('62daeab852377a7ddfe12e7cc12ccf2a6d6c829075d9d927ed56639d5ab4c01b');
    expect(computeEventHash(previousHash, event)).toBe(independent);
  });

  it('gives the same hash from the stored (JSON round-tripped) event', () => {
    const stored = { ...event, data: JSON.parse(JSON.stringify(event.data)), metadata: JSON.parse(JSON.stringify(event.metadata)) };
    expect(computeEventHash(previousHash, stored)).toBe(computeEventHash(previousHash, event));
  });
});

describe('findFirstBrokenLink', () => {
  function chain(n: number): ChainedEvent[] {
    const out: ChainedEvent[] = [];
    let previousHash = '';
    for (let i = 0; i < n; i++) {
      const e = { streamId: 'invoice-1', revision: BigInt(i), type: 'T', data: { i }, metadata };
      const hash = computeEventHash(previousHash, e);
      out.push({ ...e, hash, previousHash });
      previousHash = hash;
    }
    return out;
  }

  it('accepts an intact chain', async () => {
    expect(await findFirstBrokenLink(chain(5))).toBeUndefined();
  });

  it('reports the first tampered event, a rewritten link and a gap', async () => {
    const tampered = chain(5);
    tampered[2] = { ...tampered[2]!, data: { i: 99 } };
    expect(await findFirstBrokenLink(tampered)).toMatchObject({ kind: 'hash-mismatch', revision: 2n });

    const relinked = chain(5);
    relinked[3] = { ...relinked[3]!, previousHash: 'f'.repeat(64) };
    expect(await findFirstBrokenLink(relinked)).toMatchObject({ kind: 'previous-hash-mismatch', revision: 3n });

    const gap = chain(5);
    gap.splice(1, 1);
    expect(await findFirstBrokenLink(gap)).toMatchObject({ kind: 'revision-gap', revision: 2n, expectedRevision: 1n });
  });
});
