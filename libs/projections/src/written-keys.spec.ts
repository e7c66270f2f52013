import { randomUUID } from 'node:crypto';
import { KeySet, WrittenKeys } from './written-keys.js';

describe('WrittenKeys (bounded: exact, then a Bloom filter)', () => {
  it('holds keys exactly up to its limit', () => {
    const keys = new WrittenKeys({ exactLimit: 100 }).of('t__g1');
    const added = Array.from({ length: 100 }, () => randomUUID());
    for (const k of added) keys.add(k);
    expect(added.every((k) => keys.has(k))).toBe(true);
    expect(Array.from({ length: 1000 }, () => randomUUID()).some((k) => keys.has(k))).toBe(false);
    expect(keys.size).toBe(100);
  });

  it('past its limit never forgets a key (no false negative), and is rarely wrong about a new one', () => {
    const keys = new KeySet(1000, 2 ** 20);
    const added = Array.from({ length: 50_000 }, (_, i) => (i % 2 ? randomUUID() : `svc\u00012026-09-${i}\u0001${randomUUID()}`));
    for (const k of added) keys.add(k);
    expect(added.every((k) => keys.has(k))).toBe(true);
    expect(keys.size).toBe(50_000);
    const unseen = Array.from({ length: 20_000 }, () => randomUUID());
    const wrong = unseen.filter((k) => keys.has(k)).length;
    // 50,000 keys in 2^20 bits, 4 probes: about 0.2 % expected.
    expect(wrong).toBeLessThan(200);
  });

  it('counts every table', () => {
    const written = new WrittenKeys();
    written.of('a').add('1');
    written.of('b').add('1');
    written.of('b').add('2');
    expect(written.size).toBe(3);
    expect(() => new KeySet(1, 100)).toThrow(RangeError);
  });
});
