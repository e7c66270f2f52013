import { Query } from '@nestjs/cqrs';
import type { Occupancy } from '#ardoise/contracts';

/** Per day of a period: the places of a prestation, how many are booked, waiting, submitted. */
export class GetOccupancy extends Query<Occupancy> {
  constructor(
    readonly serviceCode: string,
    readonly from: string,
    readonly to: string,
  ) {
    super();
  }
}
