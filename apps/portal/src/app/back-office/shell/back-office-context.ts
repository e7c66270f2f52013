import { Injectable, computed, inject, signal } from '@angular/core';
import { SessionService } from '../../core/session.service';
import { BACK_OFFICE_AREAS, areaOf, type AreaKey, type BackOfficeArea } from './back-office-nav';

/**
 * Where the staff member is in the back office and what they may do there. Pages ask
 * `canWrite()` before showing a button: a role that may only read never sees it.
 */
@Injectable({ providedIn: 'root' })
export class BackOfficeContext {
  private readonly session = inject(SessionService);
  readonly areaKey = signal<AreaKey>('gestion');

  readonly role = computed(() => this.session.me()?.role ?? null);
  readonly area = computed<BackOfficeArea>(() => areaOf(this.areaKey()));
  /** The areas this person may open (an admin sees them all). */
  readonly areas = computed(() => BACK_OFFICE_AREAS.filter((a) => this.may(a, 'read')));
  readonly canWrite = computed(() => this.may(this.area(), 'write'));

  mayRead(key: AreaKey): boolean {
    return this.may(areaOf(key), 'read');
  }

  private may(area: BackOfficeArea, what: 'read' | 'write'): boolean {
    const role = this.role();
    return !!role && (what === 'read' ? area.readers : area.writers).includes(role);
  }
}
