import fc from 'fast-check';
import type { ServiceDayEvent } from './reservation-events.js';
import { commitServiceDayDraft, draftServiceDay } from './service-day-draft.js';
import { applyToDraft, cloneServiceDay, serviceDayDecider, waitlistRank, type ServiceDayCommand, type ServiceDayState } from './service-day.decider.js';

/** Child n of family n asks for the holiday centre on Monday 15 February (3 places). */
const validate = (n: number, attempt = 0): ServiceDayCommand => ({
  type: 'ValidateLine',
  line: { reservationId: `r${n}-${attempt}`, familyId: `f${n}`, childId: `c${n}`, serviceCode: 'VACANCES', date: '2027-02-15' },
  capacity: 3,
  closed: null,
  deadline: { at: '2027-01-20T22:59:00.000Z', passed: false },
  override: null,
  phase: { kind: 'open' },
});
const cancel = (n: number): ServiceDayCommand => ({
  type: 'CancelReservation',
  familyId: `f${n}`,
  childId: `c${n}`,
  by: 'parent',
  reason: null,
  deadline: { at: null, passed: false },
  capacity: 3,
});
const absent = (n: number): ServiceDayCommand => ({ type: 'DeclareAbsence', familyId: `f${n}`, childId: `c${n}`, reason: 'Malade' });

/** Decides the commands one after the other on `state` as a batch does; a refused command changes nothing. */
function decideAll(state: ServiceDayState, commands: ServiceDayCommand[], fold: (s: ServiceDayState, e: ServiceDayEvent) => ServiceDayState) {
  for (const command of commands) {
    let events: ServiceDayEvent[];
    try {
      events = serviceDayDecider.decide(command, state);
    } catch {
      continue;
    }
    for (const event of events) state = fold(state, event);
  }
  return state;
}

/** A day as plain values, to compare (the order of a map's keys is not part of a day). */
const plain = (day: ServiceDayState) => ({
  entries: [...day.entries].sort(([a], [b]) => a.localeCompare(b)),
  liveByChild: [...day.liveByChild].sort(([a], [b]) => a.localeCompare(b)),
  validated: day.validated,
  waitlist: [...day.waitlist],
  submitted: [...day.submitted],
  allocated: day.allocated,
  attendance: [...day.attendance].sort(([a], [b]) => a.localeCompare(b)),
});

const command = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 2 })).map(([n, attempt]) => validate(n, attempt)) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 7 }).map(cancel) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 7 }).map(absent) },
);
const batches = fc.array(fc.array(command, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 });

describe('a service day drafted for a batch (the opening rush: one batch every few milliseconds on a day of thousands)', () => {
  it('decides every batch as a copy of the day would, and the day after its commit is the day evolve gives (50 random runs)', () => {
    fc.assert(
      fc.property(batches, (days) => {
        const day = serviceDayDecider.initialState(); // the day kept in memory: committed into in place
        let expected = serviceDayDecider.initialState(); // the same day through pure evolve
        for (const batch of days) {
          const draft = draftServiceDay(day);
          const decided = decideAll(draft, batch, applyToDraft);
          expected = decideAll(expected, batch, serviceDayDecider.evolve);
          expect(plain(decided)).toEqual(plain(expected));
          expect(commitServiceDayDraft(draft)).toBe(day);
          expect(plain(day)).toEqual(plain(expected));
          expect(plain(draft)).toEqual(plain(expected)); // still the batch's day, read by the batch's commands after it
        }
      }),
      { numRuns: 50 },
    );
  });

  it('leaves the day as it was while the batch is decided, so a batch whose append fails or conflicts is simply dropped', () => {
    fc.assert(
      fc.property(batches, (days) => {
        const day = decideAll(serviceDayDecider.initialState(), [validate(0), validate(1)], serviceDayDecider.evolve);
        const before = plain(cloneServiceDay(day));
        for (const batch of days) decideAll(draftServiceDay(day), batch, applyToDraft);
        expect(plain(day)).toEqual(before);
      }),
      { numRuns: 50 },
    );
  });

  it('a child who arrives when the day is full is ranked after those already waiting, on the draft as on the day', () => {
    const day = decideAll(
      serviceDayDecider.initialState(),
      [0, 1, 2, 3, 4].map((n) => validate(n)),
      serviceDayDecider.evolve,
    );
    const draft = draftServiceDay(day);
    decideAll(draft, [validate(5)], applyToDraft);
    expect(waitlistRank(draft, 'r5-0')).toBe(3);
    expect(waitlistRank(day, 'r5-0')).toBeUndefined();
    expect(draft.entries.written).toBe(1);
    commitServiceDayDraft(draft);
    expect(waitlistRank(day, 'r5-0')).toBe(3);
    expect(day.entries).toBeInstanceOf(Map);
  });
});
