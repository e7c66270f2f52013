import { ValidationError } from '#ardoise/kernel';
import { passwordPolicyMessage, passwordProblems } from '../accounts/password-policy.js';

/** A new password must meet the policy and be typed twice the same (400 with field errors). */
export function assertNewPassword(password: string, confirmation: string, field = 'password'): void {
  const errors = [];
  const problems = passwordProblems(password);
  if (problems.length > 0) errors.push({ field, messages: [passwordPolicyMessage(problems)] });
  if (password !== confirmation) {
    errors.push({ field: `${field}Confirmation`, messages: ['Les deux mots de passe ne sont pas identiques.'] });
  }
  if (errors.length > 0) throw new ValidationError(errors);
}
