/** GET /service-days/:serviceCode/:date/waiting-list: the children waiting on a day, first in line first. */
export interface WaitingList {
  serviceCode: string;
  date: string;
  waiting: {
    rank: number;
    reservationId: string;
    childId: string;
    familyId: string;
    firstName: string | null;
    lastName: string | null;
  }[];
}
