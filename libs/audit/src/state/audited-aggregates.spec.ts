import { AuditedAggregates } from './audited-aggregates.js';
import { plainState } from './plain-state.js';

describe('a folded state as auditors read it', () => {
  it('shows Maps as objects and Sets as arrays, at any depth', () => {
    const state = { entries: new Map([['r1', { child: 'Clara', tags: new Set(['PAI']) }]]), booked: 1, at: new Date(0) };
    expect(JSON.parse(JSON.stringify(plainState(state)))).toEqual({
      entries: { r1: { child: 'Clara', tags: ['PAI'] } },
      booked: 1,
      at: '1970-01-01T00:00:00.000Z',
    });
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
