import { NotFoundError, RuleViolationError } from '#ardoise/kernel';
import { basketDecider, MAX_BASKET_LINES, type BasketState } from './basket.decider.js';

const line = (n: number, date = '2027-03-01') => ({ reservationId: `r${n}`, familyId: 'f1', childId: 'c1', serviceCode: 'CANTINE', date });
const apply = (state: BasketState, command: Parameters<typeof basketDecider.decide>[0]) =>
  basketDecider.decide(command, state).reduce(basketDecider.evolve, state);

describe('a family basket', () => {
  it('adds requested days once, ignoring a day already in the basket', () => {
    const state = apply(basketDecider.initialState(), { type: 'AddLines', familyId: 'f1', lines: [line(1), line(2, '2027-03-02')] });
    const again = basketDecider.decide({ type: 'AddLines', familyId: 'f1', lines: [line(3), line(4, '2027-03-04'), line(5, '2027-03-04')] }, state);
    expect(again.map((e) => e.data)).toEqual([line(4, '2027-03-04')]);
  });

  it('removes a line, and says so when it is not there', () => {
    const state = apply(basketDecider.initialState(), { type: 'AddLines', familyId: 'f1', lines: [line(1)] });
    expect(apply(state, { type: 'RemoveLine', familyId: 'f1', reservationId: 'r1' }).pending.size).toBe(0);
    expect(() => basketDecider.decide({ type: 'RemoveLine', familyId: 'f1', reservationId: 'r9' }, state)).toThrow(NotFoundError);
  });

  it('settles validated lines once: a second validation records nothing', () => {
    let state = apply(basketDecider.initialState(), { type: 'AddLines', familyId: 'f1', lines: [line(1)] });
    const settle = { type: 'Settle' as const, familyId: 'f1', results: [{ reservationId: 'r1', outcome: 'validated' as const, code: null }] };
    state = apply(state, settle);
    expect(state.pending.size).toBe(0);
    expect(basketDecider.decide(settle, state)).toEqual([]);
  });

  it('refuses to grow beyond its limit', () => {
    const many = Array.from({ length: MAX_BASKET_LINES + 1 }, (_, i) => ({ ...line(i), date: `d${i}` }));
    expect(() => basketDecider.decide({ type: 'AddLines', familyId: 'f1', lines: many }, basketDecider.initialState())).toThrow(RuleViolationError);
  });
});

describe('the basket’s evolve is pure', () => {
  it('returns a new basket and leaves the one it was given as it was', () => {
    const before = apply(basketDecider.initialState(), { type: 'AddLines', familyId: 'f1', lines: [line(1)] });
    const after = apply(before, { type: 'RemoveLine', familyId: 'f1', reservationId: 'r1' });
    expect([...before.pending.keys()]).toEqual(['r1']);
    expect(after.pending.size).toBe(0);
  });
});
