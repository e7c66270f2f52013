import { Query } from '@nestjs/cqrs';
import type { MealCounts } from '#ardoise/contracts';

/** The meals to order from the caterer for a service day. */
export class GetMealCounts extends Query<MealCounts> {
  constructor(
    readonly serviceCode: string,
    readonly date: string,
  ) {
    super();
  }
}
