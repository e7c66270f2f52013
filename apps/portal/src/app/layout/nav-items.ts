import type { Messages } from '../i18n/messages';

export interface NavItem {
  path: string;
  label: (t: Messages) => string;
  /** Match the path exactly (the home page) rather than as a prefix (an area). */
  exact?: boolean;
}

/** The main navigation, in order. Each later area adds its line here. */
export const NAV_ITEMS: readonly NavItem[] = [{ path: '/', label: (t) => t.nav.home, exact: true }];
