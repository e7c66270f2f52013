import { InjectionToken } from '@angular/core';
import { attendanceFr } from './attendance.fr';
import { dayFr } from './day.fr';
import { familiesFr } from './families.fr';
import { shellFr } from './shell.fr';

/**
 * The back office's French strings. They are apart from the parents' MESSAGES so that
 * none of them enters the parents' initial bundle: only back-office chunks import this
 * file. Each area adds its own `<area>.fr.ts` and one line here.
 */
export const backOfficeFr = {
  ...shellFr,
  families: familiesFr,
  day: dayFr,
  attendance: attendanceFr,
};

export type BackOfficeMessages = typeof backOfficeFr;

/** Components read them with `inject(BO_MESSAGES)` (a second language provides another object). */
export const BO_MESSAGES = new InjectionToken<BackOfficeMessages>('BO_MESSAGES', {
  providedIn: 'root',
  factory: () => backOfficeFr,
});
