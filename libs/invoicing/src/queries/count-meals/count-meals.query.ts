import { Query } from '@nestjs/cqrs';
import type { CountMealsHandler } from './count-meals.handler.js';

export type MealCount = Awaited<ReturnType<CountMealsHandler['read']>>[number];

/** Meals billed per QF bracket (net of justified absences), for the "cantine à 1 €" claim. */
export class CountMeals extends Query<MealCount[]> {
  constructor(readonly period: string) {
    super();
  }
}
