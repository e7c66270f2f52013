import { Query } from '@nestjs/cqrs';
import type { ReservationHistory } from '#ardoise/contracts';

/** A family's reservations between two days (its history), newest day first. */
export class ListFamilyReservations extends Query<ReservationHistory> {
  constructor(
    readonly familyId: string,
    readonly from: string,
    readonly to: string,
  ) {
    super();
  }
}
