// What other contexts and the apps use of identity: the access decorators and checks, the
// stores a family's registration writes logins through, the reader of the logins (AccountReader),
// and the staff-account command.
export { Public, Roles, SelfService, ChangesNoData, PUBLIC_KEY, SELF_SERVICE_KEY } from './access/access.decorators.js';
export { assertCanReadFamily, assertCanWriteFamily, familyNotFound } from './access/family-access.js';
export { AccountStore, type Account, type AccountRole } from './accounts/account-store.js';
export { assertNewPassword } from './accounts/assert-new-password.js';
export { auditedAccountDecider } from './accounts/audited-account.js';
export { accountStream, type AccountCreated } from './accounts/identity-events.js';
export { PasswordHasher } from './accounts/password-hasher.js';
export { passwordPolicyMessage, passwordProblems } from './accounts/password-policy.js';
export { CreateStaffAccount, type NewStaffAccount } from './commands/create-staff-account/create-staff-account.command.js';
export { identityMigrations } from './identity.migrations.js';
export { IdentityModule } from './identity.module.js';
export { RateLimited } from './rate-limits/rate-limit.guard.js';
export { CSRF_COOKIE, SessionCookies, writeCookies, type CookieWrite } from './sessions/session-cookies.js';
export { SessionStore } from './sessions/session-store.js';
export { signedIn, type SignedIn } from './sessions/signed-in.js';
export { DEMO_STAFF } from './staff/demo-staff.js';
export { OneTimeTokenStore } from './tokens/one-time-token-store.js';
export { AccountReader, type FamilyLogin } from './readers/account-reader.js';
