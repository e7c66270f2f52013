import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { SessionService } from '../../core/session.service';
import { HOME_OF_ROLE } from '../../core/staff-areas';
import { MESSAGES } from '../../i18n/messages';

/** A signed-in person opened a page of another role (a parent on /gestion, an auditor on /admin…). */
@Component({
  selector: 'ard-forbidden-page',
  imports: [RouterLink],
  template: `
    <h1>{{ t.forbidden.heading }}</h1>
    <p role="alert" data-testid="forbidden">{{ t.forbidden.body(page() ?? '') }}</p>
    <p>
      <a [routerLink]="home()">{{ t.forbidden.backHome }}</a>
    </p>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ForbiddenPageComponent {
  protected readonly t = inject(MESSAGES);
  private readonly session = inject(SessionService);
  /** `?page=`: the address that was refused. */
  readonly page = input<string>();
  protected readonly home = computed(() => {
    const me = this.session.me();
    return me ? HOME_OF_ROLE[me.role] : '/';
  });
}
