import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import type { TownProfile } from '@ardoise/contracts';
import { TownService } from '../core/town.service';
import { MESSAGES } from '../i18n/messages';

/** How to reach the town's service: phone, e-mail, opening hours, address (footer and home page). */
@Component({
  selector: 'ard-town-contact',
  template: `
    @let t = this.t.contact;
    <address class="town-contact">
      <span
        >{{ t.phone }} : <a [href]="tel()">{{ town().phone }}</a></span
      >
      <span
        >{{ t.email }} : <a [href]="'mailto:' + town().email">{{ town().email }}</a></span
      >
      <span>{{ t.hours }} : {{ town().hours }}</span>
      <span>{{ t.address }} : {{ town().address }}</span>
    </address>
  `,
  styles: `
    .town-contact {
      display: flex;
      flex-direction: column;
      gap: 0.125rem;
      font-style: normal;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TownContactComponent {
  protected readonly t = inject(MESSAGES);
  readonly town = input.required<TownProfile>();
  protected readonly tel = () => TownService.telLink(this.town().phone);
}
