import { NotFoundError, RuleViolationError, ValidationError } from '#ardoise/kernel';
import type { ServiceDayEvent } from './reservation-events.js';
import {
  applyToDraft,
  cloneServiceDay,
  outcomeOf,
  serviceDayDecider,
  waitlistRank,
  type ServiceDayCommand,
  type ServiceDayState,
  type ValidateLine,
} from './service-day.decider.js';

const fold = (events: ServiceDayEvent[], state = serviceDayDecider.initialState()) => events.reduce(serviceDayDecider.evolve, state);
const run = (state: ServiceDayState, command: ServiceDayCommand) => {
  const events = serviceDayDecider.decide(command, state);
  return { events, state: fold(events, state) };
};

/** "Clara asks for the holiday centre on Monday 15 February", as a basket line. */
const aLine = (n: number, overrides: Partial<ValidateLine> = {}): ValidateLine => ({
  type: 'ValidateLine',
  line: { reservationId: `r${n}`, familyId: `f${n}`, childId: `c${n}`, serviceCode: 'VACANCES', date: '2027-02-15' },
  capacity: 2,
  closed: null,
  deadline: { at: '2027-01-20T22:59:00.000Z', passed: false },
  override: null,
  phase: { kind: 'open' },
  ...overrides,
});
const types = (events: ServiceDayEvent[]) => events.map((e) => e.type);

function dayWith(...commands: ServiceDayCommand[]): ServiceDayState {
  return commands.reduce((state, command) => run(state, command).state, serviceDayDecider.initialState());
}

describe('validating a line on a service day', () => {
  it('validates while places remain, then puts the next children on the waiting list in order', () => {
    const state = dayWith(aLine(1), aLine(2), aLine(3), aLine(4));
    expect(state.validated).toBe(2);
    expect(state.waitlist).toEqual(['r3', 'r4']);
    expect(waitlistRank(state, 'r4')).toBe(2);
    expect(outcomeOf(state, 'r3')).toEqual({ outcome: 'waitlisted', code: null });
  });

  it('the canteen (no capacity) never puts anyone on a waiting list', () => {
    const state = dayWith(...[1, 2, 3, 4, 5].map((n) => aLine(n, { capacity: null })));
    expect(state.validated).toBe(5);
  });

  it('a child cannot hold two live reservations for the same day, even from two lines', () => {
    const state = dayWith(aLine(1));
    const second = run(state, aLine(2, { line: { ...aLine(2).line, childId: 'c1' } }));
    expect(second.events).toMatchObject([{ type: 'ReservationRejected', data: { code: 'ALREADY_BOOKED' } }]);
    expect(second.state.validated).toBe(1);
  });

  it('the same line validated twice is decided once', () => {
    const state = dayWith(aLine(1));
    expect(serviceDayDecider.decide(aLine(1), state)).toEqual([]);
    expect(outcomeOf(state, 'r1')).toEqual({ outcome: 'validated', code: null });
  });

  it('rejects a closed day and a passed deadline with a reason code and its parameters, never words', () => {
    const closed = serviceDayDecider.decide(aLine(1, { closed: { reason: 'PUBLIC_HOLIDAY', name: 'Lundi de Pâques' } }), serviceDayDecider.initialState());
    expect(closed).toEqual([
      { type: 'ReservationRejected', data: expect.objectContaining({ code: 'DAY_CLOSED', dayClosed: { reason: 'PUBLIC_HOLIDAY', name: 'Lundi de Pâques' } }) },
    ]);
    const late = serviceDayDecider.decide(aLine(1, { deadline: { at: 'x', passed: true } }), serviceDayDecider.initialState());
    expect(late).toMatchObject([{ type: 'ReservationRejected', data: { code: 'DEADLINE_PASSED' } }]);
    for (const [event] of [closed, late]) expect(Object.keys(event!.data)).not.toContain('message');
  });

  it('an agent may book past the deadline: the override is recorded with its author and reason', () => {
    const events = serviceDayDecider.decide(
      aLine(1, { deadline: { at: '2027-01-20T22:59:00.000Z', passed: true }, override: { by: 'agent-1', reason: 'Reprise d’emploi', lateSurcharge: false } }),
      serviceDayDecider.initialState(),
    );
    expect(types(events)).toEqual(['DeadlineOverridden', 'ReservationValidated']);
    expect(events[0].data).toMatchObject({ by: 'agent-1', reason: 'Reprise d’emploi', action: 'booking', lateSurcharge: false });
  });

  it('before a holiday opening, nothing is booked', () => {
    const events = serviceDayDecider.decide(aLine(1, { phase: { kind: 'not_open_yet', opensAt: 'x' } }), serviceDayDecider.initialState());
    expect(events).toMatchObject([{ data: { code: 'NOT_OPEN_YET' } }]);
  });
});

describe('cancelling', () => {
  const cancel = (n: number, overrides: Partial<Extract<ServiceDayCommand, { type: 'CancelReservation' }>> = {}): ServiceDayCommand => ({
    type: 'CancelReservation',
    familyId: `f${n}`,
    childId: `c${n}`,
    by: 'parent',
    reason: null,
    deadline: { at: '2027-01-20T22:59:00.000Z', passed: false },
    capacity: 2,
    ...overrides,
  });

  it('a cancellation inside the window frees the place for the first in line, who is promoted', () => {
    const { events, state } = run(dayWith(aLine(1), aLine(2), aLine(3), aLine(4)), cancel(1));
    expect(types(events)).toEqual(['ReservationCancelled', 'ReservationPromoted']);
    expect(events[1].data).toMatchObject({ reservationId: 'r3' });
    expect(state.validated).toBe(2);
    expect(state.waitlist).toEqual(['r4']);
    expect(state.liveByChild.has('c1')).toBe(false);
  });

  it('a parent cannot cancel after the deadline (422), an agent can, with a reason', () => {
    const state = dayWith(aLine(1));
    const late = { at: '2027-01-20T22:59:00.000Z', passed: true };
    expect(() => serviceDayDecider.decide(cancel(1, { deadline: late }), state)).toThrow(RuleViolationError);
    expect(() => serviceDayDecider.decide(cancel(1, { deadline: late, by: 'agent' }), state)).toThrow(ValidationError);
    const events = serviceDayDecider.decide(cancel(1, { deadline: late, by: 'agent', reason: 'Déménagement' }), state);
    expect(events).toMatchObject([{ type: 'ReservationCancelled', data: { by: 'agent', afterDeadline: true, reason: 'Déménagement' } }]);
  });

  it('leaving the waiting list is always possible and promotes nobody', () => {
    const state = dayWith(aLine(1), aLine(2), aLine(3));
    const { events } = run(state, cancel(3, { deadline: { at: 'x', passed: true } }));
    expect(types(events)).toEqual(['ReservationCancelled']);
  });

  it('another family cannot cancel a child it does not hold a reservation for', () => {
    expect(() => serviceDayDecider.decide(cancel(1, { familyId: 'f2' }), dayWith(aLine(1)))).toThrow(NotFoundError);
  });

  it('once cancelled, the child may book the day again', () => {
    const state = run(dayWith(aLine(1)), cancel(1)).state;
    expect(types(serviceDayDecider.decide(aLine(9, { line: { ...aLine(9).line, childId: 'c1', familyId: 'f1' } }), state))).toEqual(['ReservationValidated']);
  });
});

describe('absences and attendance', () => {
  it('a declared absence justified by a medical certificate is not charged', () => {
    let state = dayWith(aLine(1));
    state = run(state, { type: 'DeclareAbsence', familyId: 'f1', childId: 'c1', reason: 'Angine' }).state;
    const { events } = run(state, { type: 'JustifyAbsence', familyId: 'f1', childId: 'c1', reference: 'CM-42' });
    expect(events).toMatchObject([{ type: 'AbsenceJustified', data: { charged: false, document: 'medical_certificate' } }]);
  });

  it('a certificate without a prior declaration declares the absence too', () => {
    const events = serviceDayDecider.decide({ type: 'JustifyAbsence', familyId: 'f1', childId: 'c1', reference: null }, dayWith(aLine(1)));
    expect(types(events)).toEqual(['AbsenceDeclared', 'AbsenceJustified']);
  });

  it('no absence on a waiting-list place', () => {
    const state = dayWith(aLine(1), aLine(2), aLine(3));
    expect(() => serviceDayDecider.decide({ type: 'DeclareAbsence', familyId: 'f3', childId: 'c3', reason: 'x' }, state)).toThrow(RuleViolationError);
  });

  it('attendance: present for a booked child, "present without booking" only for an unbooked one', () => {
    const state = dayWith(aLine(1));
    const base = { type: 'RecordAttendance' as const, serviceCode: 'VACANCES', date: '2027-02-15', markedAt: '2027-02-15T08:00:00.000Z' };
    expect(serviceDayDecider.decide({ ...base, familyId: 'f1', childId: 'c1', status: 'present' }, state)).toMatchObject([
      { data: { reservationId: 'r1', status: 'present' } },
    ]);
    expect(() => serviceDayDecider.decide({ ...base, familyId: 'f1', childId: 'c1', status: 'present_unbooked' }, state)).toThrow();
    expect(serviceDayDecider.decide({ ...base, familyId: 'f7', childId: 'c7', status: 'present_unbooked' }, state)).toMatchObject([
      { data: { reservationId: null } },
    ]);
    expect(() => serviceDayDecider.decide({ ...base, familyId: 'f7', childId: 'c7', status: 'absent' }, state)).toThrow();
  });
});

describe('attendance marked on two tablets, one of them offline', () => {
  const mark = (status: 'present' | 'absent', markedAt: string) => ({
    type: 'RecordAttendance' as const,
    serviceCode: 'VACANCES',
    date: '2027-02-15',
    familyId: 'f1',
    childId: 'c1',
    status,
    markedAt,
  });

  it('the later mark wins even when it arrives first, and both marks are in the log', () => {
    let state = dayWith(aLine(1));
    const online = run(state, mark('absent', '2027-02-15T09:05:00.000Z')); // tablet B, on line, at 10:05 Paris
    state = online.state;
    const late = run(state, mark('present', '2027-02-15T09:00:00.000Z')); // tablet A, back on line, its mark of 10:00
    expect(late.events).toMatchObject([{ type: 'AttendanceRecorded', data: { status: 'present', superseded: true } }]);
    expect(late.state.attendance.get('c1')).toBe('absent');
    const later = run(late.state, mark('present', '2027-02-15T09:10:00.000Z'));
    expect(later.state.attendance.get('c1')).toBe('present');
  });

  it('a repeated mark records nothing new', () => {
    const { state } = run(dayWith(aLine(1)), mark('present', '2027-02-15T09:00:00.000Z'));
    expect(serviceDayDecider.decide(mark('present', '2027-02-15T09:01:00.000Z'), state)).toEqual([]);
  });
});

describe('a request window followed by an allocation', () => {
  const collecting = { kind: 'collecting' as const, openingId: 'o1' };

  it('collects requests, then validates in the ranked order up to capacity and waitlists the rest, once', () => {
    let state = dayWith(aLine(1, { phase: collecting }), aLine(2, { phase: collecting }), aLine(3, { phase: collecting }));
    expect(state.submitted).toEqual(['r1', 'r2', 'r3']);
    expect(serviceDayDecider.decide(aLine(4, { phase: { kind: 'after_window', openingId: 'o1' } }), state)).toMatchObject([
      { data: { code: 'ALLOCATION_PENDING' } },
    ]);
    const allocate = { type: 'Allocate' as const, serviceCode: 'VACANCES', date: '2027-02-15', openingId: 'o1', capacity: 2, ranking: ['r3', 'r1', 'r2'] };
    const result = run(state, allocate);
    expect(result.events.map((e) => `${e.type}:${(e.data as { reservationId?: string }).reservationId ?? ''}`)).toEqual([
      'ReservationValidated:r3',
      'ReservationValidated:r1',
      'ReservationWaitlisted:r2',
      'AllocationCompleted:',
    ]);
    state = result.state;
    expect(serviceDayDecider.decide(allocate, state)).toEqual([]);
    expect(types(serviceDayDecider.decide(aLine(4, { phase: { kind: 'after_window', openingId: 'o1' } }), state))).toEqual(['ReservationWaitlisted']);
  });
});

describe('evolve is pure', () => {
  it('returns a new day and leaves the one it was given as it was (a state kept for an earlier instant stays true)', () => {
    const before = dayWith(aLine(1), aLine(2));
    const snapshot = JSON.stringify(before, (_k, v: unknown) => (v instanceof Map ? [...v] : v));
    const events = serviceDayDecider.decide(
      { type: 'CancelReservation', familyId: 'f1', childId: 'c1', by: 'parent', reason: null, deadline: { at: null, passed: false }, capacity: 2 },
      before,
    );
    const after = fold([...events, ...serviceDayDecider.decide(aLine(3), before)], before);
    expect(after).not.toBe(before);
    expect(JSON.stringify(before, (_k, v: unknown) => (v instanceof Map ? [...v] : v))).toBe(snapshot);
    expect(before.entries.get('r1')!.status).toBe('validated');
    expect(after.entries.get('r1')!.status).toBe('cancelled');
  });
});

describe('copies of a day share their entries, never changed in place', () => {
  it('a batch decided on a copy (ServiceDayWriter) leaves the day it was copied from as it was', () => {
    const before = dayWith(aLine(1), aLine(2), aLine(3));
    const snapshot = JSON.stringify(before, (_k, v: unknown) => (v instanceof Map ? [...v] : v));
    const draft = cloneServiceDay(before);
    const r2 = { reservationId: 'r2', familyId: 'f2', childId: 'c2', serviceCode: 'VACANCES', date: '2027-02-15' };
    const events: ServiceDayEvent[] = [
      ...serviceDayDecider.decide(
        { type: 'CancelReservation', familyId: 'f1', childId: 'c1', by: 'parent', reason: null, deadline: { at: null, passed: false }, capacity: 2 },
        before,
      ),
      { type: 'AbsenceDeclared', data: { ...r2, reason: 'malade' } },
      ...serviceDayDecider.decide(aLine(4), before),
    ];
    for (const event of events) applyToDraft(draft, event);
    expect(JSON.stringify(before, (_k, v: unknown) => (v instanceof Map ? [...v] : v))).toBe(snapshot);
    expect(draft.entries.get('r1')!.status).toBe('cancelled');
    expect(draft.entries.get('r3')!.status).toBe('validated'); // promoted
    expect(draft.entries.get('r2')!.absence).toBe('declared');
    expect(before.entries.get('r2')!.absence).toBeNull();
  });
});

describe('evolveAll', () => {
  it('gives the day that evolve gives event by event, in one copy, leaving the given day as it was', () => {
    const before = dayWith(aLine(1));
    const events = [aLine(2), aLine(3), aLine(4)].flatMap((line) => serviceDayDecider.decide(line, before));
    const all = serviceDayDecider.evolveAll!(before, events);
    expect(all).toEqual(events.reduce(serviceDayDecider.evolve, before));
    expect(before.entries.size).toBe(1);
  });
});
