/** POST /api/v1/auth/login and GET /api/v1/auth/me — the signed-in person, as the portal sees them. */
export type AccountRole = 'parent' | 'agent' | 'finance' | 'auditor' | 'admin';

export interface SignedIn {
  accountId: string;
  role: AccountRole;
  familyId: string | null;
  guardianId: string | null;
  displayName: string;
}
