import { ValidationError, daysBetween, eachDay } from '#ardoise/kernel';

/** A period asked for by a person: in order, and at most a year (366 days). */
export function checkedRange(from: string, to: string, maxDays = 366): string[] {
  if (to < from) throw new ValidationError([{ field: 'to', messages: ['La date de fin doit suivre la date de début.'] }]);
  if (daysBetween(from, to) >= maxDays) {
    throw new ValidationError([{ field: 'to', messages: [`La période ne peut pas dépasser ${maxDays} jours.`] }]);
  }
  return eachDay(from, to);
}
