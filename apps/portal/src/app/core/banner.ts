import { Injectable, signal } from '@angular/core';

/**
 * What the banner says under the town's name. The parents' pages leave it unset (« Espace
 * famille »); the back-office shell sets its area's name (« Espace agents », « Finances »…)
 * while it is shown. It lives in core so that the banner reads it without importing any of
 * the back office.
 */
@Injectable({ providedIn: 'root' })
export class Banner {
  readonly service = signal<string | null>(null);
}
