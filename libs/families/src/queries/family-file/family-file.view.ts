/**
 * The family file as the portal shows it: one definition, in libs/contracts (shared with
 * the portal). Health fields are absent for roles that need not see them.
 */
export type { ChildView, FamilyFileView, FamilySummaryView, GuardianView } from '#ardoise/contracts';
