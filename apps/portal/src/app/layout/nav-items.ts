import type { Messages } from '../i18n/messages';

export interface NavItem {
  path: string;
  label: (t: Messages) => string;
  /** Match the path exactly (the home page) rather than as a prefix (an area). */
  exact?: boolean;
}

/** A signed-in parent's menu, in the guide's order of use. Each area adds its line here. */
export const PARENT_NAV_ITEMS: readonly NavItem[] = [
  { path: '/reservations', label: (t) => t.nav.reservations },
  { path: '/factures', label: (t) => t.nav.invoices },
  { path: '/actualites', label: (t) => t.nav.news },
  { path: '/demandes', label: (t) => t.nav.requests },
  { path: '/foyer', label: (t) => t.nav.household },
];

/** Before signing in. */
export const PUBLIC_NAV_ITEMS: readonly NavItem[] = [{ path: '/', label: (t) => t.nav.home, exact: true }];
