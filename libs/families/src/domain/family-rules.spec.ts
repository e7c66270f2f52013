import { birthDateProblems, guardianProblems, parisDay } from './family-rules.js';

describe('a child’s date of birth', () => {
  const today = '2026-03-10';
  it('accepts a pupil born eight years ago', () => {
    expect(birthDateProblems('2018-05-02', today)).toEqual([]);
  });
  it('refuses a date in the future', () => {
    expect(birthDateProblems('2026-03-11', today)).toEqual(['La date de naissance ne peut pas être dans le futur.']);
  });
  it('refuses a day that does not exist', () => {
    expect(birthDateProblems('2019-02-30', today)).toEqual(["Cette date n'existe pas."]);
  });
  it('refuses an adult (implausible for after-school services)', () => {
    expect(birthDateProblems('2008-03-10', today)).toEqual(["L'enfant doit avoir moins de 18 ans."]);
    expect(birthDateProblems('2008-03-11', today)).toEqual([]);
  });
});

describe('Responsable 1', () => {
  it('must give a phone number and an address; Responsable 2 need not', () => {
    const guardian = { civility: 'madame' as const, lastName: 'Durand', firstName: 'Anne' };
    expect(guardianProblems(guardian, 1, 'responsable1').map((e) => e.field)).toEqual(['responsable1.mobilePhone', 'responsable1.address']);
    expect(guardianProblems(guardian, 2, 'responsable2')).toEqual([]);
  });
});

describe('the town’s day', () => {
  it('is the Paris calendar day, not UTC’s', () => {
    expect(parisDay(new Date('2026-03-09T23:30:00Z'))).toBe('2026-03-10');
  });
});
