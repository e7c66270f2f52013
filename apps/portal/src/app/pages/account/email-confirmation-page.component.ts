import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, OnInit, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { API } from '../../core/api';
import { toApiError } from '../../core/api-error';
import { MESSAGES } from '../../i18n/messages';

/** Opened from the e-mail sent to a new login address: /confirmation-email/<token>. */
@Component({
  selector: 'ard-email-confirmation-page',
  imports: [RouterLink],
  template: `
    <h1>{{ t.auth.myAccount.emailConfirmTitle }}</h1>
    <div role="status" aria-live="polite">
      @switch (state()) {
        @case ('pending') {
          <p>{{ t.auth.myAccount.emailConfirming }}</p>
        }
        @case ('done') {
          <p class="notice">{{ t.auth.myAccount.emailConfirmed }}</p>
        }
        @default {
          <p class="error-summary">{{ state() }}</p>
        }
      }
    </div>
    <p>
      <a routerLink="/connexion">{{ t.auth.forgotten.backToLogin }}</a>
    </p>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmailConfirmationPageComponent implements OnInit {
  protected readonly t = inject(MESSAGES);
  private readonly http = inject(HttpClient);
  readonly token = input.required<string>();
  protected readonly state = signal<'pending' | 'done' | string>('pending');

  async ngOnInit(): Promise<void> {
    try {
      await firstValueFrom(this.http.post(`${API}/auth/email-change/${encodeURIComponent(this.token())}`, {}));
      this.state.set('done');
    } catch (error) {
      this.state.set(toApiError(error, this.t).title);
    }
  }
}
