import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { API } from '../../core/api';
import { toApiError } from '../../core/api-error';
import { MESSAGES } from '../../i18n/messages';
import { ErrorSummaryComponent, type SummaryItem } from '../../shared/forms/error-summary.component';
import { applyServerErrors, readyToSend } from '../../shared/forms/server-errors';
import { summarize } from '../../shared/forms/summary';
import { TextFieldComponent } from '../../shared/forms/text-field.component';

@Component({
  selector: 'ard-forgotten-password-page',
  imports: [ReactiveFormsModule, RouterLink, TextFieldComponent, ErrorSummaryComponent],
  template: `
    <h1>{{ t.auth.forgotten.heading }}</h1>
    @if (sentTo(); as email) {
      <p class="notice" role="status">{{ t.auth.forgotten.sent(email) }}</p>
      <p>
        <a routerLink="/connexion">{{ t.auth.forgotten.backToLogin }}</a>
      </p>
    } @else {
      <ard-error-summary [title]="errorTitle()" [items]="errorItems()" />
      <form class="form" (submit)="$event.preventDefault(); submit()" novalidate>
        <p>{{ t.auth.forgotten.intro }}</p>
        <ard-text-field [control]="email" fieldId="email" type="email" autocomplete="email" [label]="t.auth.forgotten.email" [required]="true" />
        <div class="actions">
          <button type="submit" class="button button-primary" [disabled]="sending()">{{ sending() ? t.forms.sending : t.auth.forgotten.submit }}</button>
          <a routerLink="/connexion">{{ t.auth.forgotten.backToLogin }}</a>
        </div>
      </form>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ForgottenPasswordPageComponent {
  protected readonly t = inject(MESSAGES);
  private readonly http = inject(HttpClient);
  protected readonly email = new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] });
  protected readonly sending = signal(false);
  protected readonly sentTo = signal<string | null>(null);
  protected readonly errorTitle = signal<string | null>(null);
  protected readonly errorItems = signal<SummaryItem[]>([]);

  protected async submit(): Promise<void> {
    this.errorTitle.set(null);
    const fields = [{ control: this.email, fieldId: 'email', label: this.t.auth.forgotten.email }];
    if (!readyToSend(this.email)) {
      this.errorTitle.set(this.t.errors.formTitle);
      this.errorItems.set(summarize(fields, this.t));
      return;
    }
    this.sending.set(true);
    try {
      const email = this.email.value.trim();
      await firstValueFrom(this.http.post(`${API}/auth/password-reset`, { email }));
      this.sentTo.set(email);
    } catch (error) {
      const apiError = toApiError(error, this.t);
      const unmatched = applyServerErrors(apiError, { email: this.email });
      this.errorTitle.set(apiError.hasFieldErrors ? this.t.errors.formTitle : apiError.title);
      this.errorItems.set([...summarize(fields, this.t), ...unmatched.map((message) => ({ message }))]);
    } finally {
      this.sending.set(false);
    }
  }
}
