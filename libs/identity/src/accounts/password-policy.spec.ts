import { passwordPolicyMessage, passwordProblems } from './password-policy.js';

describe('password policy', () => {
  it('accepts a long password mixing the four kinds of characters', () => {
    expect(passwordProblems('Cantine-du-lundi-2026')).toEqual([]);
  });

  it('says in one French sentence everything a weak password lacks', () => {
    const problems = passwordProblems('soleil');
    expect(passwordPolicyMessage(problems)).toBe(
      'Le mot de passe doit contenir au moins 12 caractères, une majuscule, un chiffre, un caractère spécial (par exemple ! ? - _ @).',
    );
  });

  it('counts accented letters as letters', () => {
    expect(passwordProblems('Été-à-la-plage-2026')).toEqual([]);
  });
});
