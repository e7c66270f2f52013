import { ValidationError } from '#ardoise/kernel';
import { compareEsdbPositions, esdbPosition, esdbPositionCodec, fromPortPosition, isPastStart, toPortPosition } from './position.js';

const p = (commit: number, prepare = commit) => toPortPosition({ commit: BigInt(commit), prepare: BigInt(prepare) });

describe('EventStoreDB positions', () => {
  it('normalises commit and prepare with BigInt, whatever the client or a checkpoint hands in', () => {
    expect(esdbPosition(12, '13')).toEqual({ commit: 12n, prepare: 13n });
    expect(fromPortPosition(toPortPosition({ commit: '5', prepare: 4 }))).toEqual({ commit: 5n, prepare: 4n });
  });

  it('encodes as EventStoreDB writes it, C:<commit>/P:<prepare>, and decodes back', () => {
    const position = toPortPosition({ commit: 18446744073709551615n, prepare: 42n });
    const encoded = esdbPositionCodec.encode(position);
    expect(encoded).toBe('C:18446744073709551615/P:42');
    expect(fromPortPosition(esdbPositionCodec.decode(encoded))).toEqual({ commit: 18446744073709551615n, prepare: 42n });
    expect(esdbPositionCodec.compare(esdbPositionCodec.decode(encoded), position)).toBe(0);
  });

  it('refuses what is not a position with a 400, never a crash', () => {
    for (const bad of ['', '12', 'C:1/P:', 'C:-1/P:2', 'C:1/P:2/x', '0:12']) {
      expect(() => esdbPositionCodec.decode(bad)).toThrow(ValidationError);
    }
    expect(() => esdbPositionCodec.encode({} as never)).toThrow(ValidationError);
  });

  it('orders by commit, then prepare', () => {
    expect(esdbPositionCodec.compare(p(1), p(2))).toBeLessThan(0);
    expect(esdbPositionCodec.compare(p(2), p(1))).toBeGreaterThan(0);
    expect(esdbPositionCodec.compare(p(5, 3), p(5, 4))).toBeLessThan(0);
    expect(esdbPositionCodec.compare(p(6, 1), p(5, 9))).toBeGreaterThan(0);
    expect(compareEsdbPositions({ commit: 7n, prepare: 7n }, { commit: 7n, prepare: 7n })).toBe(0);
    const sorted = [p(9), p(3, 2), p(3, 1), p(10)].sort(esdbPositionCodec.compare).map(esdbPositionCodec.encode);
    expect(sorted).toEqual(['C:3/P:1', 'C:3/P:2', 'C:9/P:9', 'C:10/P:10']);
  });

  it('treats start positions as exclusive in both directions (ESDB readAll is inclusive)', () => {
    const at = { commit: 100n, prepare: 100n };
    expect(isPastStart(at, at, 'forwards')).toBe(false);
    expect(isPastStart({ commit: 90n, prepare: 90n }, at, 'forwards')).toBe(false);
    expect(isPastStart({ commit: 101n, prepare: 101n }, at, 'forwards')).toBe(true);
    expect(isPastStart(at, at, 'backwards')).toBe(false);
    expect(isPastStart({ commit: 99n, prepare: 99n }, at, 'backwards')).toBe(true);
    expect(isPastStart({ commit: 101n, prepare: 101n }, at, 'backwards')).toBe(false);
    expect(isPastStart(at, undefined, 'forwards')).toBe(true);
  });
});
