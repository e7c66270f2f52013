/** A family's quotient familial as staff read it from a proof (CAF/MSA attestation). */
export interface QuotientUpdate {
  amount: number;
  validFrom: string;
  validUntil: string;
  proofReference: string;
}

/**
 * Port: sets a family's quotient familial through the families context's own command
 * (its rules, its `QuotientFamilialSet` event). libs/families supplies it; messaging owns the
 * port rather than importing families, which sits above it (see FAMILY_PERSONAL_DATA).
 */
export interface FamilyQuotient {
  set(familyId: string, quotient: QuotientUpdate): Promise<void>;
}

export const FAMILY_QUOTIENT = Symbol('ardoise.messaging.FAMILY_QUOTIENT');
