import type { AccountRole } from '@ardoise/contracts';
import { AREA_ACCESS, type AreaKey } from '../../core/staff-areas';
import type { BackOfficeMessages } from '../../i18n/back-office/back-office-messages';

export type { AreaKey };

export interface NavEntry {
  /** Absolute path of the page. */
  path: string;
  label: (t: BackOfficeMessages) => string;
  /** One line under the label on the area's home page. */
  hint?: (t: BackOfficeMessages) => string;
}

export interface BackOfficeArea {
  key: AreaKey;
  path: string;
  /** Who may open the area (its route's canMatch guard) and who may change things there (core/staff-areas.ts). */
  readers: readonly AccountRole[];
  writers: readonly AccountRole[];
  entries: readonly NavEntry[];
}

/**
 * The back office's map: one area per staff role, each with its pages in menu order.
 * A new page adds its line to its area's `entries`, beside its route in the area's routes file.
 */
export const BACK_OFFICE_AREAS: readonly BackOfficeArea[] = [
  {
    key: 'gestion',
    path: '/gestion',
    ...AREA_ACCESS.gestion,
    entries: [
      { path: '/gestion/familles', label: (t) => t.families.navLabel, hint: (t) => t.families.navHint },
      { path: '/gestion/journee', label: (t) => t.day.navLabel, hint: (t) => t.day.navHint },
      { path: '/gestion/presences', label: (t) => t.attendance.navLabel, hint: (t) => t.attendance.navHint },
      { path: '/gestion/catalogue', label: (t) => t.catalogue.pageTitle, hint: (t) => t.catalogue.hint },
      { path: '/gestion/listes-attente', label: (t) => t.waitingLists.pageTitle, hint: (t) => t.waitingLists.hint },
      { path: '/gestion/actualites', label: (t) => t.newsEditor.pageTitle, hint: (t) => t.newsEditor.hint },
      { path: '/gestion/demandes', label: (t) => t.requestsInbox.pageTitle, hint: (t) => t.requestsInbox.hint },
      { path: '/gestion/courriels', label: (t) => t.outbox.pageTitle, hint: (t) => t.outbox.hint },
    ],
  },
  {
    key: 'finances',
    path: '/finances',
    ...AREA_ACCESS.finances,
    entries: [
      { path: '/finances/facturation', label: (t) => t.billing.navLabel, hint: (t) => t.billing.navHint },
      // Invoices and payments (finance-invoices, finance-payments)
      { path: '/finances/factures', label: (t) => t.financeInvoices.navLabel, hint: (t) => t.financeInvoices.navHint },
      { path: '/finances/paiements', label: (t) => t.financePayments.navLabel, hint: (t) => t.financePayments.navHint },
      { path: '/finances/rapprochement', label: (t) => t.reconciliation.navLabel, hint: (t) => t.reconciliation.navHint },
    ],
  },
  {
    key: 'audit',
    path: '/audit',
    ...AREA_ACCESS.audit,
    entries: [
      { path: '/audit/evenements', label: (t) => t.audit.events.navLabel, hint: (t) => t.audit.events.navHint },
      { path: '/audit/etat', label: (t) => t.audit.state.navLabel, hint: (t) => t.audit.state.navHint },
      { path: '/audit/verification', label: (t) => t.audit.verification.navLabel, hint: (t) => t.audit.verification.navHint },
    ],
  },
  {
    key: 'admin',
    path: '/admin',
    ...AREA_ACCESS.admin,
    entries: [
      { path: '/admin/comptes', label: (t) => t.admin.accounts.navLabel, hint: (t) => t.admin.accounts.navHint },
      { path: '/admin/rgpd', label: (t) => t.admin.erasure.navLabel, hint: (t) => t.admin.erasure.navHint },
      { path: '/admin/sante', label: (t) => t.admin.health.navLabel, hint: (t) => t.admin.health.navHint },
    ],
  },
];

export const areaOf = (key: AreaKey): BackOfficeArea => BACK_OFFICE_AREAS.find((a) => a.key === key)!;
