import { ValidationError, isLocalDate } from '#ardoise/kernel';

/** A `:date` in a path, checked like the bodies' dates (400 in French otherwise). */
export function dateParam(value: string): string {
  if (!isLocalDate(value)) throw new ValidationError([{ field: 'date', messages: ['Date invalide (format attendu : AAAA-MM-JJ).'] }]);
  return value;
}
