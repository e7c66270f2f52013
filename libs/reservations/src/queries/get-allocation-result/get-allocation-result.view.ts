import type { HolidayOpening } from '#ardoise/catalogue';

/** What the allocation gave one child of a family: the days validated, waitlisted, not decided yet. */
export interface AllocatedChild {
  childId: string;
  firstName: string | null;
  lastName: string | null;
  validated: string[];
  waitlisted: string[];
  pending: string[];
}

/** One family in the allocation's order, with the priorities it met and its draw. */
export interface AllocatedFamily {
  rank: number;
  familyId: string;
  fullPeriod: boolean;
  siblings: boolean;
  draw: string;
  children: AllocatedChild[];
}

/** GET /service-days/:serviceCode/openings/:openingId/allocation */
export interface AllocationResult extends Pick<
  HolidayOpening,
  'openingId' | 'label' | 'from' | 'to' | 'mode' | 'opensAt' | 'requestsCloseAt' | 'priorities' | 'lotterySeed'
> {
  serviceCode: string;
  capacity: number | null;
  days: number;
  allocatedDays: number;
  totals: { requested: number; validated: number; waitlisted: number };
  families: AllocatedFamily[];
}
