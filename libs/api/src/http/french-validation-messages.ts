import type { ValidationError } from '@nestjs/common';

/**
 * class-validator speaks English; people read French. A DTO may give its own French
 * message (kept as is); otherwise the rule's name picks one here.
 */
const MESSAGES: Record<string, (args: unknown[]) => string> = {
  isDefined: () => 'Ce champ est obligatoire.',
  isNotEmpty: () => 'Ce champ est obligatoire.',
  isString: () => 'Ce champ doit être un texte.',
  isInt: () => 'Ce champ doit être un nombre entier.',
  isNumber: () => 'Ce champ doit être un nombre.',
  isBoolean: () => 'Ce champ doit valoir vrai ou faux.',
  isEmail: () => 'Adresse e-mail invalide.',
  isUUID: () => 'Identifiant invalide.',
  isDateString: () => 'Date invalide (format attendu : AAAA-MM-JJ).',
  isISO8601: () => 'Date invalide (format attendu : AAAA-MM-JJ).',
  isIn: () => "Cette valeur n'est pas autorisée.",
  isEnum: () => "Cette valeur n'est pas autorisée.",
  isArray: () => 'Ce champ doit être une liste.',
  arrayNotEmpty: () => 'La liste ne doit pas être vide.',
  min: (a) => `La valeur doit être au moins ${String(a[0])}.`,
  max: (a) => `La valeur doit être au plus ${String(a[0])}.`,
  minLength: (a) => `Au moins ${String(a[0])} caractères.`,
  maxLength: (a) => `Au plus ${String(a[0])} caractères.`,
  matches: () => "Ce format n'est pas valide.",
  whitelistValidation: () => "Ce champ n'est pas attendu.",
  nestedValidation: () => 'Ce champ doit être un objet valide.',
};

export function frenchMessage(rule: string, original: string, error: ValidationError): string {
  const english = /^(\S+ )?(must|should|property|each value|an instance)/i.test(original);
  if (!english) return original; // a DTO's own French message
  const args = (error.contexts?.[rule]?.constraints as unknown[] | undefined) ?? extractNumbers(original);
  return MESSAGES[rule]?.(args) ?? 'Valeur invalide.';
}

function extractNumbers(message: string): unknown[] {
  return (message.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
}
