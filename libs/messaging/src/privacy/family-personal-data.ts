import type { Kysely } from 'kysely';

/**
 * A family's personal data, sealed with the family's own key (`pd1.…`, AES-256-GCM): what
 * "Mes demandes" put in their events instead of the subject, the messages and the file names.
 */
export type SealedText = string;

/**
 * Port: seals and opens a family's personal data with its key, kept outside the event log
 * by libs/families (PersonalDataCipher + family_keys), which supplies the implementation.
 * Messaging owns the port rather than importing families: families and identity send their
 * e-mails through messaging, so messaging sits below them and must not import them back.
 * `db` is the caller's connection or transaction (a projector opens inside its own).
 */
export interface FamilyPersonalData {
  /** Seals `value` with the family's key (created on first use). */
  seal<DB>(familyId: string, value: unknown, db: Kysely<DB>): Promise<SealedText>;
  /**
   * One key lookup, then opens that family's sealed values; every value opens to undefined
   * once the family has been forgotten (its key destroyed): the person is erased.
   */
  opener<DB>(familyId: string, db: Kysely<DB>): Promise<Opener>;
  /**
   * One key lookup for all these families (a projection batch's), then the opener of each of
   * them, as `opener` would give it; asking for a family not in `familyIds` throws.
   */
  openers<DB>(familyIds: Iterable<string>, db: Kysely<DB>): Promise<(familyId: string) => Opener>;
}

/** Opens the sealed values of one family: undefined once the family has been forgotten. */
export type Opener = <T>(sealed: SealedText) => T | undefined;

export const FAMILY_PERSONAL_DATA = Symbol('ardoise.messaging.FAMILY_PERSONAL_DATA');

/** Shown instead of a text whose family was forgotten (RGPD): the thread stays, its content is gone. */
export const ERASED_TEXT = 'Contenu effacé (RGPD)';

/** The families context's event recording an erasure, named by its type (the log is the contract). */
export const FAMILY_FORGOTTEN = 'FamilyForgotten';

/**
 * Opens one text of a family: sealed texts with its key (undefined once forgotten); a text
 * recorded before requests were sealed (the demo data of earlier builds) is shown as it is.
 */
export function openText(open: Opener, text: string): string | undefined {
  return text.startsWith('pd1.') ? open<string>(text) : text;
}
