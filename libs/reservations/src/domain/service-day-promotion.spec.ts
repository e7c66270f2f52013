import { NotFoundError, RuleViolationError } from '#ardoise/kernel';
import type { ServiceDayEvent } from './reservation-events.js';
import { serviceDayDecider, type ServiceDayCommand, type ServiceDayState, type ValidateLine } from './service-day.decider.js';

const aLine = (n: number): ValidateLine => ({
  type: 'ValidateLine',
  line: { reservationId: `r${n}`, familyId: `f${n}`, childId: `c${n}`, serviceCode: 'MERCREDI', date: '2026-12-09' },
  capacity: 2,
  closed: null,
  deadline: { at: '2026-12-03T22:59:00.000Z', passed: false },
  override: null,
  phase: { kind: 'open' },
});
const dayWith = (...commands: ServiceDayCommand[]): ServiceDayState =>
  commands.reduce((state, command) => serviceDayDecider.decide(command, state).reduce(serviceDayDecider.evolve, state), serviceDayDecider.initialState());
const promoted = (events: ServiceDayEvent[]) => events.filter((e) => e.type === 'ReservationPromoted').map((e) => e.data.reservationId);

/** Two places, five children: two booked, three waiting (r3, r4, r5). */
const fullDay = () => dayWith(aLine(1), aLine(2), aLine(3), aLine(4), aLine(5));

describe('promoting from a waiting list', () => {
  it('the town raises the capacity from 2 to 4: the first two waiting get a place at once, in order', () => {
    const events = serviceDayDecider.decide({ type: 'PromoteFromWaitlist', capacity: 4, reservationId: null }, fullDay());
    expect(promoted(events)).toEqual(['r3', 'r4']);
    const state = events.reduce(serviceDayDecider.evolve, fullDay());
    expect(state.validated).toBe(4);
    expect(state.waitlist).toEqual(['r5']);
  });

  it('promotes nobody when no place is free', () => {
    expect(serviceDayDecider.decide({ type: 'PromoteFromWaitlist', capacity: 2, reservationId: null }, fullDay())).toEqual([]);
  });

  it('an agent may promote a chosen child out of order when a place is free', () => {
    const events = serviceDayDecider.decide({ type: 'PromoteFromWaitlist', capacity: 3, reservationId: 'r5' }, fullDay());
    expect(promoted(events)).toEqual(['r5']);
  });

  it('refuses to promote a chosen child onto a full day, or a child who is not waiting', () => {
    expect(() => serviceDayDecider.decide({ type: 'PromoteFromWaitlist', capacity: 2, reservationId: 'r4' }, fullDay())).toThrow(RuleViolationError);
    expect(() => serviceDayDecider.decide({ type: 'PromoteFromWaitlist', capacity: 3, reservationId: 'r1' }, fullDay())).toThrow(NotFoundError);
  });
});
