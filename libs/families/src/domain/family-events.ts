import { defineEvent, streamName } from '#ardoise/kernel';
import type { DomainEvent } from '#ardoise/commands';
import type { Sealed } from '../privacy/personal-data-cipher.js';
import type { GuardianRank } from './personal-data.js';

/**
 * A family's facts, on the stream `family-<familyId>`. Every personal field is sealed with
 * the family's key (`Sealed`); what stays in clear is ids, ranks, dates and amounts.
 * No token and no plaintext e-mail ever goes into an event.
 */
export type ActivationInvitationSent = DomainEvent<'ActivationInvitationSent', { familyId: string; contact: Sealed; expiresAt: string; resent: boolean }>;
export type FamilyAccountCreated = DomainEvent<
  'FamilyAccountCreated',
  { familyId: string; identity: Sealed; via: 'activation' | 'agent'; loginAccountId: string | null }
>;
export type GuardianAdded = DomainEvent<'GuardianAdded', { familyId: string; guardianId: string; rank: GuardianRank; details: Sealed }>;
export type GuardianUpdated = DomainEvent<'GuardianUpdated', { familyId: string; guardianId: string; details: Sealed }>;
export type GuardianLoginInvited = DomainEvent<'GuardianLoginInvited', { familyId: string; guardianId: string; expiresAt: string }>;
export type ChildRegistered = DomainEvent<'ChildRegistered', { familyId: string; childId: string; details: Sealed }>;
export type ChildUpdated = DomainEvent<'ChildUpdated', { familyId: string; childId: string; details: Sealed }>;
export type ChildRemoved = DomainEvent<'ChildRemoved', { familyId: string; childId: string }>;
export type QuotientFamilialSet = DomainEvent<
  'QuotientFamilialSet',
  { familyId: string; amount: number; validFrom: string; validUntil: string; proofReference: string }
>;
/**
 * `debtorAccount`: the sealed DebtorAccount (IBAN, BIC), from schemaVersion 2; mandates
 * recorded before it have none (their collections are skipped until a mandate with an IBAN).
 */
export type DirectDebitMandateSigned = DomainEvent<
  'DirectDebitMandateSigned',
  { familyId: string; mandateReference: string; signedOn: string; debtorAccount?: Sealed }
>;
defineEvent('DirectDebitMandateSigned', { version: 2, upcasters: { 1: (data: DirectDebitMandateSigned['data']) => data } }); // 2: `debtorAccount` (absent before)
export type DirectDebitMandateRevoked = DomainEvent<'DirectDebitMandateRevoked', { familyId: string; revokedOn: string }>;
export type FamilyForgotten = DomainEvent<'FamilyForgotten', { familyId: string }>;

export type FamilyEvent =
  | ActivationInvitationSent
  | FamilyAccountCreated
  | GuardianAdded
  | GuardianUpdated
  | GuardianLoginInvited
  | ChildRegistered
  | ChildUpdated
  | ChildRemoved
  | QuotientFamilialSet
  | DirectDebitMandateSigned
  | DirectDebitMandateRevoked
  | FamilyForgotten;

export const FAMILY_EVENT_TYPES: FamilyEvent['type'][] = [
  'ActivationInvitationSent',
  'FamilyAccountCreated',
  'GuardianAdded',
  'GuardianUpdated',
  'GuardianLoginInvited',
  'ChildRegistered',
  'ChildUpdated',
  'ChildRemoved',
  'QuotientFamilialSet',
  'DirectDebitMandateSigned',
  'DirectDebitMandateRevoked',
  'FamilyForgotten',
];

export const familyStream = (familyId: string) => streamName('family', familyId);
