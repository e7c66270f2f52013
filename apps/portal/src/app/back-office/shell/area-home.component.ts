import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { BO_MESSAGES } from '../../i18n/back-office/back-office-messages';
import { BackOfficeContext } from './back-office-context';

/** An area's home: its heading and its pages, each with a line saying what it is for. */
@Component({
  selector: 'ard-area-home',
  imports: [RouterLink],
  template: `
    <h1>{{ t.areaHeadings[context.areaKey()] }}</h1>
    @if (context.area().entries.length > 0) {
      <p>{{ t.homeIntro }}</p>
      <ul class="bo-cards">
        @for (entry of context.area().entries; track entry.path) {
          <li>
            <a [routerLink]="entry.path">{{ entry.label(t) }}</a>
            @if (entry.hint) {
              <p>{{ entry.hint(t) }}</p>
            }
          </li>
        }
      </ul>
    }
    <ng-content />
  `,
  styles: `
    .bo-cards {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
      gap: 1rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .bo-cards li {
      padding: 1rem;
      border: 1px solid var(--ard-border);
      border-radius: 0.5rem;
    }
    .bo-cards a {
      font-weight: 700;
      font-size: 1.0625rem;
    }
    .bo-cards p {
      margin: 0.25rem 0 0;
      color: var(--ard-muted);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AreaHomeComponent {
  protected readonly t = inject(BO_MESSAGES);
  protected readonly context = inject(BackOfficeContext);
}
