import { ConflictError, NotFoundError, RuleViolationError } from '#ardoise/kernel';
import type { Decider } from '#ardoise/commands';
import { familyNotFound } from '#ardoise/identity';
import type { Sealed } from '../privacy/personal-data-cipher.js';
import type { FamilyEvent } from './family-events.js';
import './family-events.js'; // its events' schema versions (defineEvent) with the decider that writes and folds them
import type { GuardianRank } from './personal-data.js';

export interface FamilyState {
  status: 'unknown' | 'invited' | 'active' | 'forgotten';
  guardians: Record<string, { rank: GuardianRank; details: Sealed }>;
  children: Record<string, { details: Sealed }>;
  mandateSigned: boolean;
}

export interface NewGuardian {
  guardianId: string;
  rank: GuardianRank;
  details: Sealed;
}
export interface NewChild {
  childId: string;
  details: Sealed;
}

export type FamilyCommand =
  | { type: 'InviteFamily'; familyId: string; contact: Sealed; expiresAt: string }
  | {
      type: 'CreateFamily';
      familyId: string;
      identity: Sealed;
      via: 'activation' | 'agent';
      loginAccountId: string | null;
      guardians: NewGuardian[];
      children: NewChild[];
    }
  | { type: 'AddGuardian'; familyId: string; guardian: NewGuardian }
  | { type: 'UpdateGuardian'; familyId: string; guardianId: string; details: Sealed }
  | { type: 'InviteGuardianLogin'; familyId: string; guardianId: string; expiresAt: string }
  | { type: 'RegisterChild'; familyId: string; child: NewChild }
  | { type: 'UpdateChild'; familyId: string; childId: string; details: Sealed }
  | { type: 'RemoveChild'; familyId: string; childId: string }
  | { type: 'SetQuotient'; familyId: string; amount: number; validFrom: string; validUntil: string; proofReference: string }
  | { type: 'SignMandate'; familyId: string; mandateReference: string; signedOn: string; debtorAccount: Sealed }
  | { type: 'RevokeMandate'; familyId: string; revokedOn: string }
  | { type: 'ForgetFamily'; familyId: string };

const MAX_CHILDREN = 12;

export const familyDecider: Decider<FamilyState, FamilyCommand, FamilyEvent> = {
  initialState: () => ({ status: 'unknown', guardians: {}, children: {}, mandateSigned: false }),

  evolve(state, event) {
    switch (event.type) {
      case 'ActivationInvitationSent':
        return state.status === 'unknown' ? { ...state, status: 'invited' } : state;
      case 'FamilyAccountCreated':
        return { ...state, status: 'active' };
      case 'GuardianAdded':
        return { ...state, guardians: { ...state.guardians, [event.data.guardianId]: { rank: event.data.rank, details: event.data.details } } };
      case 'GuardianUpdated': {
        const guardian = state.guardians[event.data.guardianId];
        if (!guardian) return state;
        return { ...state, guardians: { ...state.guardians, [event.data.guardianId]: { ...guardian, details: event.data.details } } };
      }
      case 'ChildRegistered':
      case 'ChildUpdated':
        return { ...state, children: { ...state.children, [event.data.childId]: { details: event.data.details } } };
      case 'ChildRemoved': {
        const { [event.data.childId]: _removed, ...children } = state.children;
        return { ...state, children };
      }
      case 'DirectDebitMandateSigned':
        return { ...state, mandateSigned: true };
      case 'DirectDebitMandateRevoked':
        return { ...state, mandateSigned: false };
      case 'FamilyForgotten':
        return { status: 'forgotten', guardians: {}, children: {}, mandateSigned: false };
      default:
        return state;
    }
  },

  decide(command, state) {
    const { familyId } = command;
    switch (command.type) {
      case 'InviteFamily':
        if (state.status === 'active') {
          throw new ConflictError('FAMILY.ALREADY_ACTIVE', 'Cette famille a déjà créé son compte.');
        }
        if (state.status === 'forgotten') throw familyNotFound();
        return [
          {
            type: 'ActivationInvitationSent',
            data: { familyId, contact: command.contact, expiresAt: command.expiresAt, resent: state.status === 'invited' },
          },
        ];

      case 'CreateFamily': {
        if (state.status === 'active') {
          throw new ConflictError('FAMILY.ALREADY_ACTIVE', 'Cette famille a déjà créé son compte.');
        }
        if (state.status === 'forgotten') throw familyNotFound();
        if (command.via === 'activation' && state.status !== 'invited') throw familyNotFound();
        assertGuardianRanks(command.guardians);
        assertChildCount(command.children.length);
        return [
          {
            type: 'FamilyAccountCreated',
            data: { familyId, identity: command.identity, via: command.via, loginAccountId: command.loginAccountId },
          },
          ...command.guardians.map((g) => ({ type: 'GuardianAdded' as const, data: { familyId, ...g } })),
          ...command.children.map((c) => ({ type: 'ChildRegistered' as const, data: { familyId, ...c } })),
        ];
      }

      case 'ForgetFamily':
        if (state.status === 'unknown') throw familyNotFound();
        if (state.status === 'forgotten') return [];
        return [{ type: 'FamilyForgotten', data: { familyId } }];
    }

    if (state.status !== 'active') throw familyNotFound();
    switch (command.type) {
      case 'AddGuardian': {
        const taken = Object.values(state.guardians).some((g) => g.rank === command.guardian.rank);
        if (taken) {
          throw new ConflictError('FAMILY.GUARDIAN_RANK_TAKEN', `La famille a déjà un responsable ${command.guardian.rank}.`);
        }
        return [{ type: 'GuardianAdded', data: { familyId, ...command.guardian } }];
      }
      case 'UpdateGuardian':
        assertGuardian(state, command.guardianId);
        return [{ type: 'GuardianUpdated', data: { familyId, guardianId: command.guardianId, details: command.details } }];
      case 'InviteGuardianLogin':
        assertGuardian(state, command.guardianId);
        return [{ type: 'GuardianLoginInvited', data: { familyId, guardianId: command.guardianId, expiresAt: command.expiresAt } }];
      case 'RegisterChild':
        assertChildCount(Object.keys(state.children).length + 1);
        return [{ type: 'ChildRegistered', data: { familyId, ...command.child } }];
      case 'UpdateChild':
        assertChild(state, command.childId);
        return [{ type: 'ChildUpdated', data: { familyId, childId: command.childId, details: command.details } }];
      case 'RemoveChild':
        assertChild(state, command.childId);
        return [{ type: 'ChildRemoved', data: { familyId, childId: command.childId } }];
      case 'SetQuotient':
        if (command.validUntil < command.validFrom) {
          throw new RuleViolationError('FAMILY.QUOTIENT_DATES', 'La fin de validité du quotient familial précède son début.');
        }
        return [
          {
            type: 'QuotientFamilialSet',
            data: { familyId, amount: command.amount, validFrom: command.validFrom, validUntil: command.validUntil, proofReference: command.proofReference },
          },
        ];
      case 'SignMandate':
        if (state.mandateSigned) {
          throw new ConflictError('FAMILY.MANDATE_ALREADY_SIGNED', 'Un mandat de prélèvement est déjà en place pour cette famille.');
        }
        return [
          {
            type: 'DirectDebitMandateSigned',
            data: { familyId, mandateReference: command.mandateReference, signedOn: command.signedOn, debtorAccount: command.debtorAccount },
          },
        ];
      case 'RevokeMandate':
        if (!state.mandateSigned) {
          throw new RuleViolationError('FAMILY.NO_MANDATE', "Cette famille n'a pas de mandat de prélèvement en cours.");
        }
        return [{ type: 'DirectDebitMandateRevoked', data: { familyId, revokedOn: command.revokedOn } }];
    }
  },
};

function assertGuardianRanks(guardians: NewGuardian[]): void {
  const ranks = guardians.map((g) => g.rank).sort();
  if (ranks[0] !== 1 || ranks.length > 2 || (ranks.length === 2 && ranks[1] !== 2)) {
    throw new RuleViolationError('FAMILY.GUARDIANS', 'Une famille a un responsable 1 et, au plus, un responsable 2.');
  }
}

function assertChildCount(count: number): void {
  if (count > MAX_CHILDREN) {
    throw new RuleViolationError('FAMILY.TOO_MANY_CHILDREN', `Une famille compte au plus ${MAX_CHILDREN} enfants.`);
  }
}

function assertGuardian(state: FamilyState, guardianId: string): void {
  if (!state.guardians[guardianId]) throw new NotFoundError('FAMILY.GUARDIAN_NOT_FOUND', 'Responsable introuvable.');
}

function assertChild(state: FamilyState, childId: string): void {
  if (!state.children[childId]) throw new NotFoundError('FAMILY.CHILD_NOT_FOUND', 'Enfant introuvable.');
}
