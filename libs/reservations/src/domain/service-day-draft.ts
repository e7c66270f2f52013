import { LayeredMap } from './layered-map.js';
import type { ReservationEntry, ServiceDayState } from './service-day.decider.js';
import type { AttendanceStatus } from './reservation-events.js';

/** A day as a batch decides on it: layers over the day it was drafted from (`base`), which the draft never changes. */
export interface ServiceDayDraft extends ServiceDayState {
  readonly base: ServiceDayState;
  entries: LayeredMap<string, ReservationEntry>;
  liveByChild: LayeredMap<string, string>;
  attendance: LayeredMap<string, AttendanceStatus>;
  attendanceMarkedAt: LayeredMap<string, string>;
}

/**
 * The day as ServiceDayWriter decides a batch on it (decision 0005): `applyToDraft` writes the
 * batch's events into the draft's own layer, and every read falls through to `base`. Under an
 * opening rush a day holds thousands of entries and takes a batch every few milliseconds:
 * drafting costs the two lists (ids only), where a copy of the day (`cloneServiceDay`) costs
 * its four maps. The base is left as it was, so a draft whose append fails or conflicts is
 * simply dropped.
 */
export function draftServiceDay(base: ServiceDayState): ServiceDayDraft {
  return {
    base,
    entries: new LayeredMap(base.entries),
    liveByChild: new LayeredMap(base.liveByChild),
    validated: base.validated,
    waitlist: [...base.waitlist],
    submitted: [...base.submitted],
    allocated: base.allocated,
    attendance: new LayeredMap(base.attendance),
    attendanceMarkedAt: new LayeredMap(base.attendanceMarkedAt),
  };
}

/**
 * Folds the draft INTO its base, changing the base in place, and returns it: the base becomes
 * the day after the batch. Only for a draft whose events the store has accepted, over a base
 * that is still the day as known at the revision it was drafted from and that no one else
 * writes (ServiceDayWriter checks both: see `settle`). The draft itself still reads the same
 * afterwards (its layer holds what it wrote; what it did not write is unchanged in the base).
 */
export function commitServiceDayDraft(draft: ServiceDayDraft): ServiceDayState {
  const { base } = draft;
  draft.entries.commitInto(base.entries);
  draft.liveByChild.commitInto(base.liveByChild);
  draft.attendance.commitInto(base.attendance);
  draft.attendanceMarkedAt.commitInto(base.attendanceMarkedAt);
  base.validated = draft.validated;
  base.waitlist = draft.waitlist;
  base.submitted = draft.submitted;
  base.allocated = draft.allocated;
  return base;
}
