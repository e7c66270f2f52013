import { AuditedAggregates } from './audited-aggregates.js';
import { foldedCopies } from './folded-copies.js';

type Day = { entries: Map<string, { child: string }>; booked: number };
const inPlace = {
  initialState: (): Day => ({ entries: new Map(), booked: 0 }),
  evolve(state: Day, event: { type: string; data: { id: string; child: string } }): Day {
    state.entries.set(event.data.id, { child: event.data.child });
    state.booked += 1;
    return state;
  },
};

describe('auditing a decider that folds in place into Maps', () => {
  it('keeps the state of an earlier instant unchanged by later events, and shows Maps as objects', () => {
    const decider = foldedCopies(inPlace);
    const first = decider.evolve(decider.initialState(), { type: 'Booked', data: { id: 'r1', child: 'Clara' } });
    const second = decider.evolve(first, { type: 'Booked', data: { id: 'r2', child: 'Léo' } });
    expect(JSON.parse(JSON.stringify(first))).toEqual({ entries: { r1: { child: 'Clara' } }, booked: 1 });
    expect(JSON.parse(JSON.stringify(second))).toEqual({ entries: { r1: { child: 'Clara' }, r2: { child: 'Léo' } }, booked: 2 });
  });
});

describe('stream categories', () => {
  const noop = { initialState: () => ({}), evolve: (s: object) => s };
  const aggregates = new AuditedAggregates([
    { category: 'service', label: 'Prestation', decider: noop },
    { category: 'service_day', label: 'Journée de prestation', decider: noop },
  ]);

  it('folds a service day with its own decider, not the prestation’s', () => {
    expect(aggregates.forStream('service_day-CANTINE-2026-09-14').label).toBe('Journée de prestation');
    expect(aggregates.forStream('service-CANTINE').label).toBe('Prestation');
    expect(() => aggregates.forStream('serviceday-CANTINE')).toThrow(/AUDIT.NO_STATE_MODEL/);
  });

  it('refuses to register a category with a dash, which stream ids would never be read back as', () => {
    expect(() => aggregates.register({ category: 'service-day', label: 'x', decider: noop })).toThrow(/Invalid stream category/);
  });
});
