import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isLocalDate } from '#ardoise/kernel';

/** A calendar day `AAAA-MM-JJ` that exists (2026-02-30 is refused). */
export function IsLocalDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLocalDate',
      validator: {
        validate: (value) => isLocalDate(value),
        defaultMessage: () => 'Date invalide (format attendu : AAAA-MM-JJ).',
      },
    },
    options,
  );
}
