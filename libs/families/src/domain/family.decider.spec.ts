import { ConflictError, NotFoundError, RuleViolationError } from '#ardoise/kernel';
import type { Sealed } from '../privacy/personal-data-cipher.js';
import type { FamilyEvent } from './family-events.js';
import { familyDecider, type FamilyCommand, type FamilyState } from './family.decider.js';

const familyId = 'f0000000-0000-4000-8000-000000000001';
const sealed = (text: string) => `pd1.${text}` as Sealed;
const fold = (events: FamilyEvent[], state = familyDecider.initialState()): FamilyState => events.reduce(familyDecider.evolve, state);
const run = (commands: FamilyCommand[]): FamilyState =>
  commands.reduce((state, command) => fold(familyDecider.decide(command, state), state), familyDecider.initialState());

const invite: FamilyCommand = { type: 'InviteFamily', familyId, contact: sealed('contact'), expiresAt: '2026-03-17T00:00:00Z' };
const create = (via: 'activation' | 'agent' = 'activation'): FamilyCommand => ({
  type: 'CreateFamily',
  familyId,
  identity: sealed('identity'),
  via,
  loginAccountId: null,
  guardians: [{ guardianId: 'g1', rank: 1, details: sealed('r1') }],
  children: [{ childId: 'c1', details: sealed('clara') }],
});

describe('a family’s life', () => {
  it('an invited family creates its account: account, Responsable 1 and children in one decision', () => {
    const state = run([invite]);
    expect(familyDecider.decide(create(), state).map((e) => e.type)).toEqual(['FamilyAccountCreated', 'GuardianAdded', 'ChildRegistered']);
  });

  it('a second invitation is recorded as a resend; an active family cannot be invited again', () => {
    const [resent] = familyDecider.decide(invite, run([invite]));
    expect(resent).toMatchObject({ type: 'ActivationInvitationSent', data: { resent: true } });
    expect(() => familyDecider.decide(invite, run([invite, create()]))).toThrow(ConflictError);
  });

  it('an activation needs an invitation; an agent may create a family without one', () => {
    expect(() => familyDecider.decide(create('activation'), familyDecider.initialState())).toThrow(NotFoundError);
    expect(familyDecider.decide(create('agent'), familyDecider.initialState())).toHaveLength(3);
  });

  it('refuses a family without Responsable 1 or with two Responsables 2', () => {
    const without = { ...create(), guardians: [{ guardianId: 'g2', rank: 2 as const, details: sealed('r2') }] };
    expect(() => familyDecider.decide(without, run([invite]))).toThrow(RuleViolationError);
  });

  it('adds Responsable 2 once only', () => {
    const add: FamilyCommand = { type: 'AddGuardian', familyId, guardian: { guardianId: 'g2', rank: 2, details: sealed('r2') } };
    const state = run([invite, create(), add]);
    expect(() => familyDecider.decide({ ...add, guardian: { ...add.guardian, guardianId: 'g3' } } as FamilyCommand, state)).toThrow(ConflictError);
  });

  it('cannot update or remove a child the family does not have', () => {
    const state = run([invite, create()]);
    expect(() => familyDecider.decide({ type: 'RemoveChild', familyId, childId: 'nobody' }, state)).toThrow(NotFoundError);
    const after = run([invite, create(), { type: 'RemoveChild', familyId, childId: 'c1' }]);
    expect(after.children).toEqual({});
  });

  it('a mandate is signed before it is revoked; a quotient’s validity runs forwards', () => {
    const state = run([invite, create()]);
    expect(() => familyDecider.decide({ type: 'RevokeMandate', familyId, revokedOn: '2026-06-30' }, state)).toThrow(RuleViolationError);
    expect(() =>
      familyDecider.decide({ type: 'SetQuotient', familyId, amount: 700, validFrom: '2026-12-31', validUntil: '2026-01-01', proofReference: 'CAF' }, state),
    ).toThrow(RuleViolationError);
  });

  it('a forgotten family is gone: nothing more can be written, forgetting again changes nothing', () => {
    const state = run([invite, create(), { type: 'ForgetFamily', familyId }]);
    expect(state.status).toBe('forgotten');
    expect(familyDecider.decide({ type: 'ForgetFamily', familyId }, state)).toEqual([]);
    expect(() => familyDecider.decide(invite, state)).toThrow(NotFoundError);
    expect(() => familyDecider.decide({ type: 'RegisterChild', familyId, child: { childId: 'c2', details: sealed('x') } }, state)).toThrow(NotFoundError);
  });
});
