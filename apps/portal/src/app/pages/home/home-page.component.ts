import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { SessionService } from '../../core/session.service';
import { TownService } from '../../core/town.service';
import { MESSAGES } from '../../i18n/messages';
import { TownContactComponent } from '../../layout/town-contact.component';

/** The signed-out welcome, on behalf of the town: sign in, first time, whom to contact. */
@Component({
  selector: 'ard-home-page',
  imports: [RouterLink, TownContactComponent],
  templateUrl: './home-page.component.html',
  styles: `
    .home-panels {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
      gap: 1rem;
    }
    .home-panels .panel {
      margin-top: 1rem;
    }
    .home-contact-name {
      margin-top: 0;
      font-weight: 600;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomePageComponent {
  protected readonly t = inject(MESSAGES);
  protected readonly session = inject(SessionService);
  protected readonly town = inject(TownService);
}
