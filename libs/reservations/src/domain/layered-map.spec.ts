import fc from 'fast-check';
import { LayeredMap } from './layered-map.js';

type Op = { kind: 'set'; key: string; value: number } | { kind: 'delete'; key: string } | { kind: 'layer' } | { kind: 'commit' };

// Few keys, so that sets, removals and re-sets of one key meet across layers.
const key = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('set' as const), key, value: fc.integer({ min: 0, max: 9 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), key }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('layer' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('commit' as const) }) },
);

const sorted = (entries: Iterable<[string, number]>) => [...entries].sort(([a], [b]) => a.localeCompare(b));

function expectSame(layered: LayeredMap<string, number> | Map<string, number>, reference: Map<string, number>) {
  expect(layered.size).toBe(reference.size);
  for (const k of ['a', 'b', 'c', 'd', 'e', 'f']) {
    expect(layered.has(k)).toBe(reference.has(k));
    expect(layered.get(k)).toBe(reference.get(k));
  }
  expect(sorted(layered.entries())).toEqual(sorted(reference.entries()));
  expect([...layered.keys()].sort()).toEqual([...reference.keys()].sort());
  expect([...layered.values()].sort()).toEqual([...reference.values()].sort());
}

describe('a layered map (a service day drafted for a batch)', () => {
  it('reads like a plain Map through any sequence of sets, removals, new layers and commits (50 random runs)', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const base = new Map<string, number>([['a', 1]]);
        // Layers drafted over the base, innermost first; the reference follows every write.
        const layers: LayeredMap<string, number>[] = [];
        const reference = new Map(base);
        const top = () => layers.at(-1) ?? base;
        for (const o of ops) {
          if (o.kind === 'set') {
            top().set(o.key, o.value);
            reference.set(o.key, o.value);
          } else if (o.kind === 'delete') {
            expect(top().delete(o.key)).toBe(reference.delete(o.key));
          } else if (o.kind === 'layer') {
            layers.push(new LayeredMap(top()));
          } else {
            // The top layer folded into the one below it: the one below now reads as the draft did.
            const layer = layers.pop();
            layer?.commitInto(top());
          }
          expectSame(top(), reference);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('leaves the layer below as it was until the draft is committed, and a dropped draft leaves no trace', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const below = new Map<string, number>([
          ['a', 1],
          ['b', 2],
        ]);
        const before = new Map(below);
        const draft = new LayeredMap(below);
        for (const o of ops) {
          if (o.kind === 'set') draft.set(o.key, o.value);
          if (o.kind === 'delete') draft.delete(o.key);
        }
        expectSame(below, before); // the draft is dropped: nothing to undo
        const drafted = new Map(draft);
        draft.commitInto(below);
        expectSame(below, drafted);
      }),
      { numRuns: 50 },
    );
  });

  it('writes only what the layer changed, whatever the size of the layer below', () => {
    const day = new Map(Array.from({ length: 5_000 }, (_, i) => [`r${i}`, i] as [string, number]));
    const draft = new LayeredMap(day);
    draft.set('r5000', 5_000);
    draft.delete('r0');
    draft.set('r1', -1);
    expect(draft.written).toBe(3);
    expect(draft.size).toBe(5_000);
    expect(day.size).toBe(5_000);
    expect(day.get('r1')).toBe(1);
    draft.commitInto(day);
    expect(day.has('r0')).toBe(false);
    expect(day.get('r1')).toBe(-1);
    expect(day.get('r5000')).toBe(5_000);
    expect(day.size).toBe(5_000);
  });
});
