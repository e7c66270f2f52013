import type { Account } from '../accounts/account-store.js';

/** What the portal learns about the signed-in person (GET /auth/me, login answer). */
export interface SignedIn {
  accountId: string;
  role: Account['role'];
  familyId: string | null;
  guardianId: string | null;
  displayName: string;
}

export const signedIn = (account: Account): SignedIn => ({
  accountId: account.id,
  role: account.role,
  familyId: account.familyId,
  guardianId: account.guardianId,
  displayName: account.displayName,
});
