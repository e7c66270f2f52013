import { canonicalJson, computeEventHash, findFirstBrokenLink, sha256Hex, toStorableJson, type ChainedEvent } from './event-hash.js';

const metadata = {
  actor: { userId: 'u-1', role: 'agent' },
  correlationId: 'c-1',
  causationId: 'c-1',
  occurredAt: '2026-09-01T08:00:00.000Z',
  schemaVersion: 1,
};

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[1,{"y":null,"z":true}]},"b":1}',
    );
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
