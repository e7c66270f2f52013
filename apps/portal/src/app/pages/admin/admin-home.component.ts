import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { BO_MESSAGES } from '../../i18n/back-office/back-office-messages';
import { AreaHomeComponent } from '../../back-office/shell/area-home.component';
import { BackOfficeContext } from '../../back-office/shell/back-office-context';

/** The administrator's home: the area's pages, then every other area and the API's documentation. */
@Component({
  selector: 'ard-admin-home',
  imports: [AreaHomeComponent, RouterLink],
  template: `
    <ard-area-home>
      <h2>{{ t.admin.home.otherAreas }}</h2>
      <ul>
        @for (a of context.areas(); track a.key) {
          @if (a.key !== 'admin') {
            <li>
              <a [routerLink]="a.path">{{ t.areaHeadings[a.key] }}</a>
            </li>
          }
        }
        <li>
          <a href="/api/docs" target="_blank" rel="noopener">{{ t.placeholders.apiDocs }}</a>
        </li>
      </ul>
    </ard-area-home>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminHomeComponent {
  protected readonly t = inject(BO_MESSAGES);
  protected readonly context = inject(BackOfficeContext);
}
