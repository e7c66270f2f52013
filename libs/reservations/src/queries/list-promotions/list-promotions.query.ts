import { Query } from '@nestjs/cqrs';
import type { Promotions } from './list-promotions.view.js';

/** The children who got a place from a day's waiting list, and whether their family was told. */
export class ListPromotions extends Query<Promotions> {
  constructor(
    readonly serviceCode: string,
    readonly date: string,
  ) {
    super();
  }
}
