/**
 * A login account as an auditor folds it (`account-…` streams): who it is for, its role,
 * and how many times each fact happened. Facts this fold does not know yet (a role changed,
 * an account disabled) still show: their data's fields are merged in and counted.
 */
export interface AuditedAccountState {
  accountId: string | null;
  role: string | null;
  familyId: string | null;
  guardianId: string | null;
  createdAt: string | null;
  /** How many times each fact was recorded, by event type. */
  facts: Record<string, number>;
  [field: string]: unknown;
}

export const auditedAccountDecider = {
  initialState: (): AuditedAccountState => ({ accountId: null, role: null, familyId: null, guardianId: null, createdAt: null, facts: {} }),
  evolve(state: AuditedAccountState, event: { type: string; data: unknown }): AuditedAccountState {
    const data = (event.data && typeof event.data === 'object' ? event.data : {}) as Record<string, unknown>;
    const facts = { ...state.facts, [event.type]: (state.facts[event.type] ?? 0) + 1 };
    switch (event.type) {
      case 'PasswordChanged':
      case 'LoginEmailChanged':
        return { ...state, facts };
      default:
        return { ...state, ...data, facts };
    }
  },
};
