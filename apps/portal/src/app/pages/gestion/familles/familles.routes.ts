import type { Routes } from '@angular/router';
import { boTitle } from '../../../back-office/shell/area-routes';

/** /gestion/familles: the search, a family's file (and acting for it), a family created at the desk. */
export const FAMILLES_ROUTES: Routes = [
  {
    path: '',
    title: boTitle((t) => t.families.pageTitle),
    loadComponent: () => import('./search/families-page.component').then((m) => m.FamiliesPageComponent),
  },
  {
    path: 'nouvelle',
    title: boTitle((t) => t.families.create.pageTitle),
    loadComponent: () => import('./create/create-family-page.component').then((m) => m.CreateFamilyPageComponent),
  },
  {
    path: ':familyId',
    title: boTitle((t) => t.families.file.pageTitle),
    loadComponent: () => import('./file/family-file-page.component').then((m) => m.FamilyFilePageComponent),
  },
];
