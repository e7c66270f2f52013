import { NotFoundError, RuleViolationError, ValidationError } from '#ardoise/kernel';
import type { Decider } from '#ardoise/commands';
import {
  type AttendanceStatus,
  type DayClosed,
  type LineOutcome,
  type LiveStatus,
  type RejectionCode,
  type ReservationRef,
  type ServiceDayEvent,
} from './reservation-events.js';
import type { DayMap } from './layered-map.js';
import './reservation-events.js'; // its events' schema versions (defineEvent) with the decider that writes and folds them
import type { Allocate, CancelReservation, PromoteFromWaitlist, RecordAttendance, ServiceDayCommand, ValidateLine } from './service-day.commands.js';

/**
 * THE AGGREGATE BOUNDARY. One service day (`service_day-<code>-<date>`: the canteen of
 * Tuesday 3 March) owns everything that competes for it: its places, its waiting list and
 * the set of children holding a live reservation on it. Both invariants — "a day's
 * capacity is never exceeded" and "a child never holds two live reservations for the same
 * prestation and day" — are facts about that one stream, so the event store's optimistic
 * concurrency (append at the revision decided on, retake on conflict) is enough to keep
 * them under any concurrency, with no lock anywhere else. A family's basket is another,
 * smaller aggregate (`basket-<familyId>`); validating it decides each line on its own
 * service day, so each line is all-or-nothing while the basket reports one result per line.
 * Hot days (a holiday opening) are served by ServiceDayWriter, which queues the commands
 * for one day inside a process and decides them in one batch per append.
 */
/** Never changed in place: a change puts a new entry in the day's map (copies of a day share their entries). */
export interface ReservationEntry extends Readonly<ReservationRef> {
  readonly status: LiveStatus | 'cancelled' | 'rejected';
  readonly code: RejectionCode | null;
  readonly absence: null | 'declared' | 'justified';
}

/**
 * The day's maps are Maps, except in the draft a batch is decided on (`draftServiceDay`), where
 * they are layers over the day's maps (DayMap: what both offer).
 */
export interface ServiceDayState {
  entries: DayMap<string, ReservationEntry>;
  /** childId → reservationId of the child's live (validated, waitlisted, submitted) reservation. */
  liveByChild: DayMap<string, string>;
  validated: number;
  /** Reservation ids, first in line first. */
  waitlist: string[];
  submitted: string[];
  allocated: boolean;
  attendance: DayMap<string, AttendanceStatus>;
  /** childId → when the mark in `attendance` was taken (on the tablet): a later mark wins, whatever its arrival order. */
  attendanceMarkedAt: DayMap<string, string>;
}

export type {
  Allocate,
  CancelReservation,
  DeclareAbsence,
  JustifyAbsence,
  OpeningPhase,
  PromoteFromWaitlist,
  RecordAttendance,
  ServiceDayCommand,
  ValidateLine,
} from './service-day.commands.js';

export const emptyServiceDay = (): ServiceDayState => ({
  entries: new Map(),
  liveByChild: new Map(),
  validated: 0,
  waitlist: [],
  submitted: [],
  allocated: false,
  attendance: new Map(),
  attendanceMarkedAt: new Map(),
});

/**
 * A private copy of a day, with plain Maps (evolve returns one; so does a read of the day). The
 * maps and lists are copied, the entries themselves are shared (they are never changed in place,
 * see ReservationEntry), so a copy allocates no entry; but it costs the day's size, so a batch of
 * ServiceDayWriter is decided on a draft instead (`draftServiceDay`: service-day-draft.ts).
 */
export const cloneServiceDay = (state: ServiceDayState): ServiceDayState => {
  return {
    entries: new Map(state.entries),
    liveByChild: new Map(state.liveByChild),
    validated: state.validated,
    waitlist: [...state.waitlist],
    submitted: [...state.submitted],
    allocated: state.allocated,
    attendance: new Map(state.attendance),
    attendanceMarkedAt: new Map(state.attendanceMarkedAt),
  };
};

const ref = (e: ReservationRef): ReservationRef => ({
  reservationId: e.reservationId,
  familyId: e.familyId,
  childId: e.childId,
  serviceCode: e.serviceCode,
  date: e.date,
});

function setStatus(state: ServiceDayState, id: string, status: ReservationEntry['status']): void {
  const entry = state.entries.get(id);
  if (!entry) return;
  const before = entry.status;
  if (before === 'validated') state.validated--;
  if (before === 'waitlisted') state.waitlist = state.waitlist.filter((w) => w !== id);
  if (before === 'submitted') state.submitted = state.submitted.filter((w) => w !== id);
  state.entries.set(id, { ...entry, status });
  if (status === 'validated') state.validated++;
  if (status === 'waitlisted') state.waitlist.push(id);
  if (status === 'submitted') state.submitted.push(id);
  if (status === 'cancelled' || status === 'rejected') {
    if (state.liveByChild.get(entry.childId) === id) state.liveByChild.delete(entry.childId);
  } else {
    state.liveByChild.set(entry.childId, id);
  }
}

function add(state: ServiceDayState, data: ReservationRef, status: ReservationEntry['status'], code: RejectionCode | null = null) {
  if (state.entries.has(data.reservationId)) return setStatus(state, data.reservationId, status);
  state.entries.set(data.reservationId, { ...ref(data), status: 'rejected', code, absence: null });
  setStatus(state, data.reservationId, status);
}

/** The outcome already decided for a line, if any (a basket validated twice gets the same answer). */
export function outcomeOf(state: ServiceDayState, reservationId: string): { outcome: LineOutcome; code: RejectionCode | null } | undefined {
  const entry = state.entries.get(reservationId);
  if (!entry) return undefined;
  if (entry.status === 'rejected') return { outcome: 'rejected', code: entry.code };
  if (entry.status === 'cancelled') return { outcome: 'validated', code: null };
  return { outcome: entry.status, code: null };
}

/** Position (1-based) in the waiting list, or undefined. */
export function waitlistRank(state: ServiceDayState, reservationId: string): number | undefined {
  const index = state.waitlist.indexOf(reservationId);
  return index < 0 ? undefined : index + 1;
}

function liveEntry(state: ServiceDayState, familyId: string, childId: string): ReservationEntry {
  const id = state.liveByChild.get(childId);
  const entry = id ? state.entries.get(id) : undefined;
  if (!entry || entry.familyId !== familyId) {
    throw new NotFoundError('RESERVATION.NOT_FOUND', 'Aucune réservation de cet enfant pour cette prestation ce jour-là.');
  }
  return entry;
}

export const serviceDayDecider: Decider<ServiceDayState, ServiceDayCommand, ServiceDayEvent> = {
  initialState: emptyServiceDay,

  /** Pure: the day after the event, a new state (the one given is left as it was). */
  evolve(state, event) {
    return applyToDraft(cloneServiceDay(state), event);
  },

  /** Pure too, and linear: a day of thousands of events is copied once, not once per event. */
  evolveAll(state, events) {
    const draft = cloneServiceDay(state);
    for (const event of events) applyToDraft(draft, event);
    return draft;
  },

  decide(command, state) {
    switch (command.type) {
      case 'ValidateLine':
        return validateLine(command, state);
      case 'CancelReservation':
        return cancel(command, state);
      case 'DeclareAbsence': {
        const entry = liveEntry(state, command.familyId, command.childId);
        if (entry.status !== 'validated') throw notValidated();
        if (entry.absence) return [];
        return [{ type: 'AbsenceDeclared', data: { ...ref(entry), reason: command.reason } }];
      }
      case 'JustifyAbsence': {
        const entry = liveEntry(state, command.familyId, command.childId);
        if (entry.status !== 'validated') throw notValidated();
        if (entry.absence === 'justified') return [];
        const declared: ServiceDayEvent[] = entry.absence ? [] : [{ type: 'AbsenceDeclared', data: { ...ref(entry), reason: 'Maladie (certificat médical)' } }];
        return [
          ...declared,
          { type: 'AbsenceJustified', data: { ...ref(entry), document: 'medical_certificate', reference: command.reference, charged: false } },
        ];
      }
      case 'RecordAttendance':
        return recordAttendance(command, state);
      case 'Allocate':
        return allocate(command, state);
      case 'PromoteFromWaitlist':
        return promote(command, state);
    }
  },
};

/**
 * Folds one event INTO `state`, changing it: only on a private copy (`cloneServiceDay`) that
 * nobody else holds (evolve's own copy), or on the draft ServiceDayWriter decides a batch on
 * (`draftServiceDay`, whose writes stay in its own layer until the batch is appended).
 */
export function applyToDraft(state: ServiceDayState, event: ServiceDayEvent): ServiceDayState {
  switch (event.type) {
    case 'ReservationValidated':
      add(state, event.data, 'validated');
      break;
    case 'ReservationWaitlisted':
      add(state, event.data, 'waitlisted');
      break;
    case 'ReservationSubmitted':
      add(state, event.data, 'submitted');
      break;
    case 'ReservationRejected':
      add(state, event.data, 'rejected', event.data.code);
      break;
    case 'ReservationPromoted':
      setStatus(state, event.data.reservationId, 'validated');
      break;
    case 'ReservationCancelled':
      setStatus(state, event.data.reservationId, 'cancelled');
      break;
    case 'AbsenceDeclared':
    case 'AbsenceJustified': {
      const entry = state.entries.get(event.data.reservationId);
      if (entry) state.entries.set(entry.reservationId, { ...entry, absence: event.type === 'AbsenceDeclared' ? 'declared' : 'justified' });
      break;
    }
    case 'AttendanceRecorded': {
      // Marks older than the one in force (sent late by a tablet that was offline) stay in the log but change nothing.
      const markedAt = event.data.markedAt ?? '';
      if (markedAt < (state.attendanceMarkedAt.get(event.data.childId) ?? '')) break;
      state.attendance.set(event.data.childId, event.data.status);
      state.attendanceMarkedAt.set(event.data.childId, markedAt);
      break;
    }
    case 'AllocationCompleted':
      state.allocated = true;
      break;
  }
  return state;
}

function validateLine(command: ValidateLine, state: ServiceDayState): ServiceDayEvent[] {
  const line = ref(command.line);
  if (state.entries.has(line.reservationId)) return []; // decided before: same answer (outcomeOf)
  const reject = (code: RejectionCode, dayClosed?: DayClosed): ServiceDayEvent[] => [
    { type: 'ReservationRejected', data: { ...line, code, ...(dayClosed ? { dayClosed } : {}) } },
  ];
  if (command.closed) {
    const { reason, name } = command.closed;
    return reject('DAY_CLOSED', name === undefined ? { reason } : { reason, name });
  }
  const overridden: ServiceDayEvent[] = [];
  if (command.deadline.passed) {
    if (!command.override || command.deadline.at === null) return reject('DEADLINE_PASSED');
    overridden.push({
      type: 'DeadlineOverridden',
      data: {
        ...line,
        action: 'booking',
        deadline: command.deadline.at,
        reason: command.override.reason,
        by: command.override.by,
        lateSurcharge: command.override.lateSurcharge,
      },
    });
  }
  if (state.liveByChild.has(line.childId)) return reject('ALREADY_BOOKED');
  const phase = command.phase;
  if (phase.kind === 'not_open_yet') return reject('NOT_OPEN_YET');
  if (phase.kind === 'collecting') {
    return [...overridden, { type: 'ReservationSubmitted', data: { ...line, openingId: phase.openingId } }];
  }
  if (phase.kind === 'after_window' && !state.allocated) return reject('ALLOCATION_PENDING');
  const full = command.capacity !== null && state.validated >= command.capacity;
  if (full) return [...overridden, { type: 'ReservationWaitlisted', data: { ...line, rank: state.waitlist.length + 1 } }];
  return [...overridden, { type: 'ReservationValidated', data: line }];
}

function cancel(command: CancelReservation, state: ServiceDayState): ServiceDayEvent[] {
  const entry = liveEntry(state, command.familyId, command.childId);
  const leavingAQueue = entry.status !== 'validated';
  if (command.by === 'agent' && !command.reason?.trim()) {
    throw new ValidationError([{ field: 'reason', messages: ['Un agent doit indiquer le motif de l’annulation.'] }]);
  }
  if (command.by === 'parent' && command.deadline.passed && !leavingAQueue) {
    throw new RuleViolationError(
      'RESERVATION.CANCELLATION_DEADLINE_PASSED',
      'Le délai d’annulation prévu par le règlement est dépassé : contactez le service périscolaire.',
      undefined,
      { deadline: command.deadline.at },
    );
  }
  const events: ServiceDayEvent[] = [
    {
      type: 'ReservationCancelled',
      data: {
        ...ref(entry),
        by: command.by,
        reason: command.reason,
        afterDeadline: command.deadline.passed,
        previousStatus: entry.status as LiveStatus,
      },
    },
  ];
  if (entry.status === 'validated') {
    // The freed place goes to the first in line (and to the next ones if the town added places).
    const free = command.capacity === null ? state.waitlist.length : command.capacity - (state.validated - 1);
    for (const id of state.waitlist.slice(0, Math.max(0, free))) {
      events.push({ type: 'ReservationPromoted', data: ref(state.entries.get(id)!) });
    }
  }
  return events;
}

function recordAttendance(command: RecordAttendance, state: ServiceDayState): ServiceDayEvent[] {
  const id = state.liveByChild.get(command.childId);
  const entry = id ? state.entries.get(id) : undefined;
  const booked = entry?.status === 'validated' && entry.familyId === command.familyId;
  if (command.status === 'present_unbooked' && booked) {
    throw new RuleViolationError('ATTENDANCE.BOOKED', 'Cet enfant a une réservation : pointez-le « présent ».');
  }
  if (command.status !== 'present_unbooked' && !booked) {
    throw new RuleViolationError('ATTENDANCE.NOT_BOOKED', 'Cet enfant n’a pas de réservation ce jour-là : pointez-le « présent sans réservation ».');
  }
  const current = state.attendance.get(command.childId);
  const later = command.markedAt >= (state.attendanceMarkedAt.get(command.childId) ?? '');
  if (current === command.status) return [];
  // An older mark with another status is recorded (both tablets' marks are in the log) but does not win.
  return [
    {
      type: 'AttendanceRecorded',
      data: {
        serviceCode: command.serviceCode,
        date: command.date,
        childId: command.childId,
        familyId: command.familyId,
        reservationId: booked ? id! : null,
        status: command.status,
        markedAt: command.markedAt,
        ...(later ? {} : { superseded: true }),
      },
    },
  ];
}

function allocate(command: Allocate, state: ServiceDayState): ServiceDayEvent[] {
  if (state.allocated) return [];
  const ranked = command.ranking.filter((id) => state.submitted.includes(id));
  const rest = state.submitted.filter((id) => !ranked.includes(id));
  let validated = state.validated;
  let waitlisted = state.waitlist.length;
  const events: ServiceDayEvent[] = [];
  for (const id of [...ranked, ...rest]) {
    const data = ref(state.entries.get(id)!);
    if (command.capacity === null || validated < command.capacity) {
      events.push({ type: 'ReservationValidated', data });
      validated++;
    } else {
      events.push({ type: 'ReservationWaitlisted', data: { ...data, rank: ++waitlisted } });
    }
  }
  events.push({
    type: 'AllocationCompleted',
    data: {
      serviceCode: command.serviceCode,
      date: command.date,
      openingId: command.openingId,
      validated: validated - state.validated,
      waitlisted: waitlisted - state.waitlist.length,
    },
  });
  return events;
}

/** Places left on the day (every waiting child when the prestation has no limit). */
export function freePlaces(state: ServiceDayState, capacity: number | null): number {
  return capacity === null ? state.waitlist.length : Math.max(0, capacity - state.validated);
}

function promote(command: PromoteFromWaitlist, state: ServiceDayState): ServiceDayEvent[] {
  const free = freePlaces(state, command.capacity);
  if (command.reservationId === null) {
    return state.waitlist.slice(0, free).map((id) => ({ type: 'ReservationPromoted', data: ref(state.entries.get(id)!) }));
  }
  if (!state.waitlist.includes(command.reservationId)) {
    throw new NotFoundError('WAITLIST.NOT_WAITING', 'Cet enfant n’est pas sur la liste d’attente de ce jour.');
  }
  if (free === 0) {
    throw new RuleViolationError('WAITLIST.NO_FREE_PLACE', 'Aucune place libre ce jour-là : augmentez d’abord la capacité de la prestation.');
  }
  return [{ type: 'ReservationPromoted', data: ref(state.entries.get(command.reservationId)!) }];
}

function notValidated(): RuleViolationError {
  return new RuleViolationError('RESERVATION.NOT_VALIDATED', 'Seule une réservation validée peut faire l’objet d’une absence.');
}
