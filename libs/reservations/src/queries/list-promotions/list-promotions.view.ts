/** GET /service-days/:serviceCode/:date/promotions */
export interface Promotions {
  serviceCode: string;
  date: string;
  promotions: Promotion[];
}

/** A child given a place from the waiting list, and where the family's e-mail stands. */
export interface Promotion {
  reservationId: string;
  childId: string;
  familyId: string;
  firstName: string | null;
  lastName: string | null;
  promotedAt: string;
  /** 'agent' / 'admin' when a member of staff gave the place; 'parent' when a family's cancellation freed it. */
  promotedBy: string;
  /** null: no e-mail (yet, or no address); else the outbox status: held, pending, sent, failed. */
  mail: { status: string; sentAt: string | null } | null;
}
