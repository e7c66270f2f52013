import { foldEvents } from '#ardoise/commands';
import { INVOICE_SERIES } from './invoice-number.js';
import { draftNumberAssigned, numberSeriesDecider, type NumberSeriesState } from './number-series.decider.js';

const decider = numberSeriesDecider(INVOICE_SERIES);
const assign = (state: NumberSeriesState, ...keys: string[]) =>
  decider.decide({ year: 2026, requests: keys.map((key) => ({ key, invoiceId: `inv-${key}` })) }, state);
const plain = (state: NumberSeriesState) => JSON.stringify({ taken: state.taken, byKey: [...state.byKey] });

describe('a numbering year', () => {
  it('evolve returns a new year and leaves the one it was given as it was (a state handed out or kept stays true)', () => {
    const before = foldEvents(decider, decider.initialState(), assign(decider.initialState(), 'a', 'b'));
    const snapshot = plain(before);
    const after = decider.evolve(before, assign(before, 'c')[0]!);
    expect(after).not.toBe(before);
    expect(plain(before)).toBe(snapshot);
    expect(after.taken).toBe(3);
    expect(after.byKey.get('c')!.sequence).toBe(3);
  });

  it('a run of events folds into one copy, with the same result as evolve one by one', () => {
    const start = foldEvents(decider, decider.initialState(), assign(decider.initialState(), 'a'));
    const snapshot = plain(start);
    const events = assign(start, 'b', 'c', 'd');
    const byRun = decider.evolveAll!(start, events);
    const oneByOne = events.reduce(decider.evolve, start);
    expect(plain(byRun)).toBe(plain(oneByOne));
    expect(plain(start)).toBe(snapshot);
  });

  it('a batch drafts in place on its own copy only', () => {
    const start = foldEvents(decider, decider.initialState(), assign(decider.initialState(), 'a'));
    const draft = { taken: start.taken, byKey: new Map(start.byKey) };
    const events = assign(start, 'b', 'b', 'c');
    for (const event of events) expect(draftNumberAssigned(draft, event)).toBe(draft);
    expect(draft.taken).toBe(3);
    expect(start.taken).toBe(1);
    expect([...draft.byKey.values()].map((a) => a.number)).toEqual([
      INVOICE_SERIES.format(2026, 1),
      INVOICE_SERIES.format(2026, 2),
      INVOICE_SERIES.format(2026, 3),
    ]);
  });
});
