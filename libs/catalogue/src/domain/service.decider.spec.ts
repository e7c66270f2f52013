import { ConflictError, RuleViolationError } from '#ardoise/kernel';
import { serviceDecider, type DefineServiceCommand } from './service.decider.js';

const defineCanteen = (overrides: Partial<DefineServiceCommand['service']> = {}): DefineServiceCommand => ({
  type: 'DefineService',
  service: { code: 'CANTINE', label: 'Restauration scolaire', kind: 'canteen', weekdays: [5, 1, 2, 4, 1], dailyCapacity: null, ...overrides },
});

describe('defining a prestation', () => {
  it('records the prestation with its weekdays in order and without duplicates', () => {
    const [event] = serviceDecider.decide(defineCanteen(), serviceDecider.initialState());
    expect(event.type).toBe('ServiceDefined');
    expect(event.data.weekdays).toEqual([1, 2, 4, 5]);
  });

  it('refuses a second prestation with the same code', () => {
    const state = serviceDecider.decide(defineCanteen(), serviceDecider.initialState()).reduce(serviceDecider.evolve, serviceDecider.initialState());
    expect(() => serviceDecider.decide(defineCanteen(), state)).toThrow(ConflictError);
  });

  it('refuses a daily capacity on the canteen, which every pupil has the right to', () => {
    expect(() => serviceDecider.decide(defineCanteen({ dailyCapacity: 120 }), serviceDecider.initialState())).toThrow(
      RuleViolationError,
    );
  });
});
