import { inject } from '@angular/core';
import type { Route, Routes } from '@angular/router';
import { BO_MESSAGES, type BackOfficeMessages } from '../../i18n/back-office/back-office-messages';
import { FRENCH_PAGINATOR } from '../table/french-paginator';
import type { AreaKey } from './back-office-nav';

/** A page title from the back office's messages. */
export const boTitle = (pick: (t: BackOfficeMessages) => string) => () => pick(inject(BO_MESSAGES));

/**
 * An area's routes inside the shell: its home first, the global search's results, then
 * its own pages. Used by each area's routes file (`pages/<area>/<area>.routes.ts`).
 */
export function backOfficeArea(area: AreaKey, home: Route['loadComponent'], pages: Routes): Routes {
  return [
    {
      path: '',
      data: { area },
      providers: [FRENCH_PAGINATOR],
      loadComponent: () => import('./back-office-shell.component').then((m) => m.BackOfficeShellComponent),
      children: [
        { path: '', pathMatch: 'full', title: boTitle((t) => t.areaHeadings[area]), loadComponent: home },
        {
          path: 'recherche',
          title: boTitle((t) => t.search.pageTitle),
          loadComponent: () => import('./search-results-page.component').then((m) => m.SearchResultsPageComponent),
        },
        ...pages,
      ],
    },
  ];
}
