import { Query } from '@nestjs/cqrs';
import type { PeriodView } from '#ardoise/contracts';

/** "Vue Période": one child of the family, the month or the week around a date, prestations × days. */
export class GetPeriodView extends Query<PeriodView> {
  constructor(
    readonly familyId: string,
    readonly childId: string,
    readonly view: 'month' | 'week',
    readonly date: string,
  ) {
    super();
  }
}
