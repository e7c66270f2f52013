/**
 * What is personal in a family's file. These shapes only travel sealed in events
 * (privacy/personal-data-cipher.ts); read models hold a plaintext copy, erased with the family.
 */
export const CIVILITIES = ['madame', 'monsieur'] as const;
export type Civility = (typeof CIVILITIES)[number];

/**
 * A diet is recorded as a diet, never with its reason (religion, health): the canteen
 * needs to know what to serve, nothing more. Medical needs go through the PAI.
 */
export const DIETS = ['standard', 'sans_porc', 'sans_viande', 'vegetarien'] as const;
export type Diet = (typeof DIETS)[number];

export interface PostalAddress {
  line1: string;
  line2?: string | null;
  postalCode: string;
  city: string;
}

export interface FamilyIdentity {
  familyName: string;
  /** The login e-mail given at creation (the live one is the account's). */
  email: string | null;
}

export interface InvitationContact {
  email: string;
  familyName: string | null;
}

export interface GuardianDetails {
  civility: Civility;
  lastName: string;
  firstName: string;
  mobilePhone?: string | null;
  homePhone?: string | null;
  workPhone?: string | null;
  email?: string | null;
  address?: PostalAddress | null;
}

export interface ChildDetails {
  lastName: string;
  firstName: string;
  /** YYYY-MM-DD */
  birthDate: string;
  school: string;
  className: string;
  diet: Diet;
  /** Free text of the allergies (health data: shown only to the family and the town's agents). */
  allergies: string | null;
  /** Projet d'accueil individualisé (health data). */
  pai: boolean;
}

export type GuardianRank = 1 | 2;

/** A child's health data: read by the family and the town's agents (and administrators), by no one else. */
export const HEALTH_FIELDS = ['diet', 'allergies', 'pai'] as const;
const HEALTH_DATA_READERS: ReadonlySet<string> = new Set(['parent', 'agent', 'admin']);

export function mayReadHealthData(role: string): boolean {
  return HEALTH_DATA_READERS.has(role);
}

/** The child's details without HEALTH_FIELDS. */
export function withoutHealthData<T extends object>(details: T): Omit<T, (typeof HEALTH_FIELDS)[number]> {
  const rest = { ...details } as Record<string, unknown>;
  for (const field of HEALTH_FIELDS) delete rest[field];
  return rest as Omit<T, (typeof HEALTH_FIELDS)[number]>;
}

/** The account a direct-debit mandate draws on (IBAN, BIC): see bank-account.ts. */
export type { DebtorAccount } from './bank-account.js';
