import { Inject } from '@nestjs/common';
import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { MealCounts } from '#ardoise/contracts';
import { GetDayList } from '../get-day-list/get-day-list.query.js';
import { GetMealCounts } from './get-meal-counts.query.js';

/** Counted from the day's list: per school, per diet (absences declared are left out). */
@QueryHandler(GetMealCounts)
export class GetMealCountsHandler implements IQueryHandler<GetMealCounts> {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  async execute({ serviceCode, date }: GetMealCounts): Promise<MealCounts> {
    const list = await this.queries.execute(new GetDayList(serviceCode, date));
    const schools = new Map<string, { school: string; total: number; byDiet: Record<string, number>; withAllergies: number }>();
    for (const child of list.children.filter((c) => !c.absence)) {
      const key = child.school ?? 'École non renseignée';
      const row = schools.get(key) ?? { school: key, total: 0, byDiet: {}, withAllergies: 0 };
      row.total++;
      const diet = child.diet ?? 'standard';
      row.byDiet[diet] = (row.byDiet[diet] ?? 0) + 1;
      if (child.allergies || child.pai) row.withAllergies++;
      schools.set(key, row);
    }
    const rows = [...schools.values()].sort((a, b) => a.school.localeCompare(b.school, 'fr'));
    return { serviceCode, date, total: rows.reduce((sum, r) => sum + r.total, 0), schools: rows };
  }
}
