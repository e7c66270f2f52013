import { diffStates } from './state-diff.js';

describe('the difference between two states of an aggregate', () => {
  it('is empty for equal states, whatever the key order', () => {
    expect(diffStates({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toEqual([]);
  });

  it('names each changed, added and removed field by its path', () => {
    const before = { status: 'requested', child: { name: 'Clara', diet: 'sans porc' }, days: [1, 2] };
    const after = { status: 'validated', child: { name: 'Clara' }, days: [1, 2, 4], validatedBy: 'agent-1' };
    expect(diffStates(before, after)).toEqual([
      { path: 'child.diet', kind: 'removed', before: 'sans porc' },
      { path: 'days[2]', kind: 'added', after: 4 },
      { path: 'status', kind: 'changed', before: 'requested', after: 'validated' },
      { path: 'validatedBy', kind: 'added', after: 'agent-1' },
    ]);
  });

  it('compares dates and bigints as they are shown (ISO text, decimal text)', () => {
    expect(diffStates({ at: new Date('2026-09-01T08:00:00Z'), n: 1n }, { at: '2026-09-01T08:00:00.000Z', n: '1' })).toEqual([]);
    expect(diffStates({ n: 1n }, { n: 2n })).toEqual([{ path: 'n', kind: 'changed', before: '1', after: '2' }]);
  });

  it('reports a whole state replaced by a value of another shape', () => {
    expect(diffStates({ defined: false }, null)).toEqual([{ path: '', kind: 'changed', before: { defined: false }, after: null }]);
  });
});
