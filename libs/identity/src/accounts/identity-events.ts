import { streamName } from '#ardoise/kernel';
import type { DomainEvent } from '#ardoise/commands';

/**
 * Facts about logins, for the audit trail. No e-mail, no password hash: secrets and
 * contact details stay in the accounts table (and are erased with it).
 */
export type AccountCreated = DomainEvent<'AccountCreated', { accountId: string; role: string; familyId: string | null; guardianId: string | null }>;
/** `via`: the owner changed it, reset it through an e-mailed link, or an admin set a new one (`admin`). */
export type PasswordChanged = DomainEvent<'PasswordChanged', { accountId: string; via: 'change' | 'reset' | 'admin' }>;
export type LoginEmailChanged = DomainEvent<'LoginEmailChanged', { accountId: string }>;
/** An admin gave a staff login another role. */
export type StaffRoleChanged = DomainEvent<'StaffRoleChanged', { accountId: string; from: string; to: string }>;
/** An admin closed (or reopened) a staff login: a disabled account cannot sign in, its sessions ended. */
export type AccountDisabled = DomainEvent<'AccountDisabled', { accountId: string }>;
export type AccountEnabled = DomainEvent<'AccountEnabled', { accountId: string }>;

export const accountStream = (accountId: string) => streamName('account', accountId);
