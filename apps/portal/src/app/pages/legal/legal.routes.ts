import { inject } from '@angular/core';
import type { Route } from '@angular/router';
import type { LegalPageSlug } from '@ardoise/contracts';
import { MESSAGES, type Messages } from '../../i18n/messages';

const legalPage = (slug: LegalPageSlug, title: (t: Messages) => string): Route => ({
  path: slug,
  title: () => title(inject(MESSAGES)),
  // Bound to the page's inputs (withComponentInputBinding); the heading shows while the text loads.
  resolve: { heading: () => title(inject(MESSAGES)) },
  data: { slug },
  loadComponent: () => import('./legal-page.component').then((m) => m.LegalPageComponent),
});

/** The town's legal pages, public, linked from every page's footer; each loads on demand. */
export const LEGAL_ROUTES: Route[] = [
  legalPage('mentions-legales', (t) => t.legal.legalNoticeTitle),
  legalPage('accessibilite', (t) => t.legal.accessibilityTitle),
  legalPage('donnees-personnelles', (t) => t.legal.personalDataTitle),
];
