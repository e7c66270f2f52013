/** GET /service-days/:serviceCode/waiting-days: the days with children waiting, and the places left on each. */
export interface WaitingDays {
  serviceCode: string;
  capacity: number | null;
  days: { date: string; validated: number; waitlisted: number; free: number }[];
}
