import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { SessionService } from '../../core/session.service';
import { HealthStatusComponent } from '../../health/health-status.component';
import { MESSAGES } from '../../i18n/messages';

@Component({
  selector: 'ard-home-page',
  imports: [HealthStatusComponent, RouterLink],
  templateUrl: './home-page.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomePageComponent {
  protected readonly t = inject(MESSAGES);
  protected readonly session = inject(SessionService);
}
