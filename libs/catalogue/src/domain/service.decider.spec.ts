import { ConflictError, NotFoundError, RuleViolationError, ValidationError } from '#ardoise/kernel';
import { serviceDecider, type DefineServiceCommand } from './service.decider.js';

const defineCanteen = (overrides: Partial<DefineServiceCommand['service']> = {}): DefineServiceCommand => ({
  type: 'DefineService',
  service: { code: 'CANTINE', label: 'Restauration scolaire', kind: 'canteen', weekdays: [5, 1, 2, 4, 1], dailyCapacity: null, ...overrides },
});

describe('defining a prestation', () => {
  it('records the prestation with its weekdays in order and without duplicates', () => {
    const [event] = serviceDecider.decide(defineCanteen(), serviceDecider.initialState());
    expect(event.type).toBe('ServiceDefined');
    expect((event.data as { weekdays: number[] }).weekdays).toEqual([1, 2, 4, 5]);
  });

  it('refuses a second prestation with the same code', () => {
    const state = serviceDecider.decide(defineCanteen(), serviceDecider.initialState()).reduce(serviceDecider.evolve, serviceDecider.initialState());
    expect(() => serviceDecider.decide(defineCanteen(), state)).toThrow(ConflictError);
  });

  it('refuses a daily capacity on the canteen, which every pupil has the right to', () => {
    expect(() => serviceDecider.decide(defineCanteen({ dailyCapacity: 120 }), serviceDecider.initialState())).toThrow(RuleViolationError);
  });
});

const defined = () => serviceDecider.decide(defineCanteen(), serviceDecider.initialState()).reduce(serviceDecider.evolve, serviceDecider.initialState());

describe('the règlement of a prestation', () => {
  it('records the season and the booking and cancellation deadlines, then serves them in the state', () => {
    const rules = {
      code: 'CANTINE',
      season: 'school' as const,
      booking: { kind: 'working_days_before' as const, days: 2, at: '10:00' },
      cancellation: { kind: 'day_before' as const, at: '18:00' },
    };
    const events = serviceDecider.decide({ type: 'SetBookingRules', rules }, defined());
    expect(events.map((e) => e.type)).toEqual(['BookingRulesSet']);
    const state = events.reduce(serviceDecider.evolve, defined());
    expect(state.defined && state.service.booking).toEqual(rules.booking);
    expect(serviceDecider.decide({ type: 'SetBookingRules', rules }, state)).toEqual([]);
  });

  it('unlessDecided (the demo seed) sets a règlement only where the town has none', () => {
    const rules = {
      code: 'CANTINE',
      season: 'school' as const,
      booking: { kind: 'day_before' as const, at: '18:00' },
      cancellation: { kind: 'day_before' as const, at: '18:00' },
    };
    const state = serviceDecider.decide({ type: 'SetBookingRules', rules }, defined()).reduce(serviceDecider.evolve, defined());
    const seeded = { ...rules, booking: { kind: 'day_before' as const, at: '10:00' } };
    expect(serviceDecider.decide({ type: 'SetBookingRules', rules: seeded, unlessDecided: true }, state)).toEqual([]);
    expect(serviceDecider.decide({ type: 'SetBookingRules', rules: seeded, unlessDecided: true }, defined())).toHaveLength(1);
  });

  it('refuses a malformed deadline with a French message naming the rule', () => {
    const rules = {
      code: 'CANTINE',
      season: 'school' as const,
      booking: { kind: 'day_before' as const, at: '7h' },
      cancellation: { kind: 'day_before' as const, at: '18:00' },
    };
    expect(() => serviceDecider.decide({ type: 'SetBookingRules', rules }, defined())).toThrow(ValidationError);
  });

  it('refuses rules for a prestation that does not exist', () => {
    const rules = {
      code: 'X',
      season: 'school' as const,
      booking: { kind: 'day_before' as const, at: '18:00' },
      cancellation: { kind: 'day_before' as const, at: '18:00' },
    };
    expect(() => serviceDecider.decide({ type: 'SetBookingRules', rules }, serviceDecider.initialState())).toThrow(NotFoundError);
  });
});

describe('a holiday opening', () => {
  const opening = {
    openingId: 'o1',
    code: 'CANTINE',
    label: 'Hiver',
    from: '2027-02-15',
    to: '2027-02-19',
    opensAt: '2027-01-10T19:00:00.000Z',
    mode: 'first_come' as const,
    requestsCloseAt: null,
    priorities: [],
    lotterySeed: null,
  };

  it('is scheduled once; an overlapping second one is refused', () => {
    const state = serviceDecider.decide({ type: 'ScheduleOpening', opening }, defined()).reduce(serviceDecider.evolve, defined());
    expect(state.defined && state.service.openings).toHaveLength(1);
    expect(() => serviceDecider.decide({ type: 'ScheduleOpening', opening: { ...opening, openingId: 'o2' } }, state)).toThrow(ConflictError);
  });

  it('an allocation needs a request window that closes after the opening', () => {
    expect(() => serviceDecider.decide({ type: 'ScheduleOpening', opening: { ...opening, mode: 'allocation' } }, defined())).toThrow(ValidationError);
  });
});

describe('capacity and session start of a prestation', () => {
  const leisure = () =>
    serviceDecider
      .decide(defineCanteen({ code: 'MERCREDI', kind: 'leisure_day', weekdays: [3], dailyCapacity: 40 }), serviceDecider.initialState())
      .reduce(serviceDecider.evolve, serviceDecider.initialState());

  it('records a raised capacity with the previous one, and nothing when unchanged', () => {
    const events = serviceDecider.decide({ type: 'ChangeCapacity', dailyCapacity: 45 }, leisure());
    expect(events).toEqual([{ type: 'ServiceCapacityChanged', data: { code: 'MERCREDI', dailyCapacity: 45, previous: 40 } }]);
    const state = events.reduce(serviceDecider.evolve, leisure());
    expect(state.defined && state.service.dailyCapacity).toBe(45);
    expect(serviceDecider.decide({ type: 'ChangeCapacity', dailyCapacity: 45 }, state)).toEqual([]);
  });

  it('never gives the canteen a capacity', () => {
    expect(() => serviceDecider.decide({ type: 'ChangeCapacity', dailyCapacity: 100 }, defined())).toThrow(RuleViolationError);
  });

  it('refuses « 72 heures avant le début de la séance » until the sessions have a start time, then accepts it', () => {
    const rule = { kind: 'hours_before_start' as const, hours: 72 };
    const rules = { code: 'MERCREDI', season: 'school' as const, booking: rule, cancellation: rule };
    expect(() => serviceDecider.decide({ type: 'SetBookingRules', rules }, leisure())).toThrow(ValidationError);
    const timed = serviceDecider.decide({ type: 'SetSessionStart', startTime: '08:30' }, leisure()).reduce(serviceDecider.evolve, leisure());
    expect(timed.defined && timed.service.startTime).toBe('08:30');
    expect(serviceDecider.decide({ type: 'SetBookingRules', rules }, timed).map((e) => e.type)).toEqual(['BookingRulesSet']);
  });

  it('refuses a start time that is not HH:MM', () => {
    expect(() => serviceDecider.decide({ type: 'SetSessionStart', startTime: '8h30' }, leisure())).toThrow(ValidationError);
  });
});
