/** What makes a family part of a news item's audience. */
export interface FamilyAudience {
  /** Schools of the family's children (as written in their files). */
  schools: string[];
  /** Codes of the prestations the family uses. */
  services: string[];
}

/**
 * Port: the audience of a family, read from the contexts that know it (families, reservations).
 * They sit above messaging, so the implementation that asks their readers is wired in
 * libs/composition (FamilyAudienceModule).
 */
export interface FamilyAudienceResolver {
  /** `now`: the server's clock (recent and future reservations count). */
  resolve(familyId: string, now: Date): Promise<FamilyAudience>;
}

export const FAMILY_AUDIENCE_RESOLVER = Symbol('ardoise.FAMILY_AUDIENCE_RESOLVER');
