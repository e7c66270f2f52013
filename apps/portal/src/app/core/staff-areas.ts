import type { AccountRole } from '@ardoise/contracts';

/** The staff roles, each with its own back-office area (a lazy chunk under its own path). */
export type StaffRole = Exclude<AccountRole, 'parent'>;

/** Where each role lands after login: its own area's home, never the parents' pages. */
export const HOME_OF_ROLE: Readonly<Record<AccountRole, string>> = {
  parent: '/reservations',
  agent: '/gestion',
  finance: '/finances',
  auditor: '/audit',
  admin: '/admin',
};

export const isStaffRole = (role: AccountRole | undefined | null): role is StaffRole => !!role && role !== 'parent';

/** Who may open each back-office area (its canMatch guard) and who may change things there. */
export const AREA_ACCESS = {
  gestion: { readers: ['agent', 'admin'], writers: ['agent', 'admin'] },
  finances: { readers: ['finance', 'admin', 'auditor'], writers: ['finance', 'admin'] },
  audit: { readers: ['auditor', 'admin'], writers: [] },
  admin: { readers: ['admin'], writers: ['admin'] },
} as const satisfies Record<string, { readers: readonly StaffRole[]; writers: readonly StaffRole[] }>;

export type AreaKey = keyof typeof AREA_ACCESS;
