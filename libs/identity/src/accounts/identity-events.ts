import type { DomainEvent } from '#ardoise/commands';

/**
 * Facts about logins, for the audit trail. No e-mail, no password hash: secrets and
 * contact details stay in the accounts table (and are erased with it).
 */
export type AccountCreated = DomainEvent<'AccountCreated', { accountId: string; role: string; familyId: string | null; guardianId: string | null }>;
export type PasswordChanged = DomainEvent<'PasswordChanged', { accountId: string; via: 'change' | 'reset' }>;
export type LoginEmailChanged = DomainEvent<'LoginEmailChanged', { accountId: string }>;

export const accountStream = (accountId: string) => `account-${accountId}`;
