/**
 * The password policy, after the CNIL's recommendation (délibération 2022-100): at least
 * 12 characters mixing upper case, lower case, digits and special characters. One French
 * message saying all that is missing.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export function passwordProblems(password: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`au moins ${PASSWORD_MIN_LENGTH} caractères`);
  if (password.length > PASSWORD_MAX_LENGTH) problems.push(`au plus ${PASSWORD_MAX_LENGTH} caractères`);
  if (!/[a-zà-ÿ]/.test(password)) problems.push('une minuscule');
  if (!/[A-ZÀ-Ý]/.test(password)) problems.push('une majuscule');
  if (!/[0-9]/.test(password)) problems.push('un chiffre');
  if (!/[^A-Za-zÀ-ÿ0-9]/.test(password)) problems.push('un caractère spécial (par exemple ! ? - _ @)');
  return problems;
}

export function passwordPolicyMessage(problems: string[]): string {
  return `Le mot de passe doit contenir ${problems.join(', ')}.`;
}
