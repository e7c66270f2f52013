import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MESSAGES } from '../../i18n/messages';

@Component({
  selector: 'ard-not-found-page',
  imports: [RouterLink],
  template: `
    <h1>{{ t.notFound.heading }}</h1>
    <p>{{ t.notFound.body }}</p>
    <p>
      <a routerLink="/">{{ t.notFound.backHome }}</a>
    </p>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFoundPageComponent {
  protected readonly t = inject(MESSAGES);
}
