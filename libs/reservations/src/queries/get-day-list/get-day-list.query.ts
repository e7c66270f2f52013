import { Query } from '@nestjs/cqrs';
import type { DayList } from '#ardoise/contracts';

/** The children booked on a service day, with diets and allergies, and the attendance marked so far. */
export class GetDayList extends Query<DayList> {
  constructor(
    readonly serviceCode: string,
    readonly date: string,
  ) {
    super();
  }
}
