import type { Clock } from '#ardoise/commands';
import { ValidationError } from '#ardoise/kernel';
import { childProblems, parisDay } from '../../domain/family-rules.js';
import type { PersonalDataCipher } from '../../privacy/personal-data-cipher.js';
import { childDetails, type ChildInput } from '../../requests/child.input.js';

/** A child's details from the family file's form: checked (400 with the fields' errors), then sealed with the family's key. */
export async function checkedChild(input: ChildInput, familyId: string, clock: Clock, cipher: PersonalDataCipher) {
  const details = childDetails(input);
  const errors = childProblems(details, parisDay(clock.now()), 'child').map((e) => ({ ...e, field: e.field.replace(/^child\./, '') }));
  if (errors.length > 0) throw new ValidationError(errors);
  return cipher.seal(familyId, details);
}
