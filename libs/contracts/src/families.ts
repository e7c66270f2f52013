/** GET /api/v1/families/:familyId — a family's file (mirrors libs/families FamilyFileView). */
export type Civility = 'madame' | 'monsieur';
export type Diet = 'standard' | 'sans_porc' | 'sans_viande' | 'vegetarien';

export interface PostalAddress {
  line1: string;
  line2: string | null;
  postalCode: string;
  city: string;
}

export interface FamilyFileView {
  familyId: string;
  status: 'invited' | 'active' | 'forgotten';
  familyName: string | null;
  email: string | null;
  erased: boolean;
  createdVia: 'activation' | 'agent' | null;
  /** While the family has not created its account: the last activation e-mail and when its link expires. */
  invitation?: { sentAt: string; expiresAt: string } | null;
  quotient: { amount: number; validFrom: string; validUntil: string; proofReference: string } | null;
  /** `account`: the debited IBAN, masked (`FR76 **** **** 0185`); null for a mandate recorded without one. */
  directDebitMandate: { signed: boolean; reference: string | null; signedOn: string | null; account: string | null };
  guardians: GuardianView[];
  children: ChildView[];
  logins: { accountId: string; guardianId: string | null; createdAt: string }[];
}

export interface GuardianView {
  guardianId: string;
  rank: 1 | 2;
  erased: boolean;
  civility: Civility | null;
  lastName: string | null;
  firstName: string | null;
  mobilePhone: string | null;
  homePhone: string | null;
  workPhone: string | null;
  email: string | null;
  address: PostalAddress | null;
  hasLogin: boolean;
  loginInvitedAt: string | null;
  /** When the pending login invitation's link expires (null once the guardian has a login). */
  loginInvitationExpiresAt?: string | null;
}

export interface ChildView {
  childId: string;
  erased: boolean;
  lastName: string | null;
  firstName: string | null;
  birthDate: string | null;
  school: string | null;
  className: string | null;
  /** Only for the family itself and the town's agents (canteen, PAI). */
  diet?: Diet | null;
  allergies?: string | null;
  pai?: boolean | null;
}

/** GET /api/v1/families?q= — one line of the staff search. */
export interface FamilySummaryView {
  familyId: string;
  familyName: string | null;
  status: string;
  guardians: string[];
  children: string[];
}

/** GET /api/v1/activations/:token */
export interface ActivationLink {
  email: string;
  familyName: string | null;
}
