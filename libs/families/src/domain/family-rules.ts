import type { FieldError } from '#ardoise/kernel';
import type { ChildDetails, GuardianDetails } from './personal-data.js';

/** Children served by periscolaire services are under 18 (crèche-age children are not). */
export const MAX_CHILD_AGE_YEARS = 18;

/** A birth date must be a real day, not in the future, and plausible for a pupil. */
export function birthDateProblems(birthDate: string, today: string): string[] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!match) return ['Date invalide (format attendu : AAAA-MM-JJ).'];
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return ["Cette date n'existe pas."];
  }
  if (birthDate > today) return ['La date de naissance ne peut pas être dans le futur.'];
  const oldest = `${Number(today.slice(0, 4)) - MAX_CHILD_AGE_YEARS}${today.slice(4)}`;
  if (birthDate <= oldest) return [`L'enfant doit avoir moins de ${MAX_CHILD_AGE_YEARS} ans.`];
  return [];
}

/** Responsable 1 is the family's contact: reachable by phone, with an address. */
export function guardianProblems(guardian: GuardianDetails, rank: 1 | 2, field: string): FieldError[] {
  const errors: FieldError[] = [];
  if (rank === 1 && !guardian.mobilePhone && !guardian.homePhone && !guardian.workPhone) {
    errors.push({ field: `${field}.mobilePhone`, messages: ['Indiquez au moins un numéro de téléphone.'] });
  }
  if (rank === 1 && !guardian.address) {
    errors.push({ field: `${field}.address`, messages: ["L'adresse du responsable 1 est obligatoire."] });
  }
  return errors;
}

export function childProblems(child: ChildDetails, today: string, field: string): FieldError[] {
  const messages = birthDateProblems(child.birthDate, today);
  return messages.length > 0 ? [{ field: `${field}.birthDate`, messages }] : [];
}

/** Today in Europe/Paris, as YYYY-MM-DD (the town's calendar, not UTC's). */
export function parisDay(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}
