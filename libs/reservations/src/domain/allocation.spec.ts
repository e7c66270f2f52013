import { rankFamilies } from './allocation.js';

const families = Array.from({ length: 20 }, (_, i) => ({ familyId: `f${i}`, children: i % 3 === 0 ? 2 : 1, daysRequested: i % 2 === 0 ? 5 : 3 }));

describe('allocating places after a request window', () => {
  it('the same seed always draws the same order; another seed another one', () => {
    expect(rankFamilies(families, [], 'seed-2027', 5)).toEqual(rankFamilies(families, [], 'seed-2027', 5));
    expect(rankFamilies(families, [], 'seed-2027', 5)).not.toEqual(rankFamilies(families, [], 'other', 5));
  });

  it('families booking the full period come first, then siblings, each group in lottery order', () => {
    const order = rankFamilies(families, ['full_period', 'siblings'], 'seed', 5);
    const byId = new Map(families.map((f) => [f.familyId, f]));
    const keys = order.map((id) => [byId.get(id)!.daysRequested >= 5 ? 1 : 0, byId.get(id)!.children > 1 ? 1 : 0]);
    const sorted = [...keys].sort((a, b) => b[0] - a[0] || b[1] - a[1]);
    expect(keys).toEqual(sorted);
    expect(new Set(order).size).toBe(20);
  });
});
