import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { API } from '../../core/api';
import { toApiError } from '../../core/api-error';
import { MESSAGES } from '../../i18n/messages';
import { ErrorSummaryComponent, type SummaryItem } from '../../shared/forms/error-summary.component';
import { applyServerErrors, readyToSend } from '../../shared/forms/server-errors';
import { summarize } from '../../shared/forms/summary';
import { TextFieldComponent } from '../../shared/forms/text-field.component';
import { passwordPolicy, sameAs } from '../../shared/forms/validators';

/** Opened from the « mot de passe oublié » e-mail: /reinitialisation/<token>. */
@Component({
  selector: 'ard-reset-password-page',
  imports: [ReactiveFormsModule, RouterLink, TextFieldComponent, ErrorSummaryComponent],
  template: `
    <h1>{{ t.auth.reset.heading }}</h1>
    @if (done()) {
      <p class="notice" role="status">{{ t.auth.reset.done }}</p>
      <p>
        <a routerLink="/connexion">{{ t.auth.forgotten.backToLogin }}</a>
      </p>
    } @else {
      <ard-error-summary [title]="errorTitle()" [items]="errorItems()" />
      @if (linkDead()) {
        <p>
          <a routerLink="/mot-de-passe-oublie">{{ t.auth.login.forgotten }}</a>
        </p>
      }
      <form class="form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <ard-text-field
          [control]="form.controls.password"
          fieldId="password"
          type="password"
          autocomplete="new-password"
          [label]="t.auth.reset.password"
          [hint]="t.forms.passwordHint"
          [required]="true"
        />
        <ard-text-field
          [control]="form.controls.passwordConfirmation"
          fieldId="passwordConfirmation"
          type="password"
          autocomplete="new-password"
          [label]="t.auth.reset.confirmation"
          [required]="true"
        />
        <div class="actions">
          <button type="submit" class="button button-primary" [disabled]="sending()">{{ sending() ? t.forms.sending : t.auth.reset.submit }}</button>
        </div>
      </form>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ResetPasswordPageComponent {
  protected readonly t = inject(MESSAGES);
  private readonly http = inject(HttpClient);
  readonly token = input.required<string>();

  protected readonly form = new FormGroup({
    password: new FormControl('', { nonNullable: true, validators: [Validators.required, passwordPolicy(this.t.forms.passwordPolicy)] }),
    passwordConfirmation: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, sameAs('password', this.t.forms.passwordMismatch)],
    }),
  });
  protected readonly sending = signal(false);
  protected readonly done = signal(false);
  protected readonly linkDead = signal(false);
  protected readonly errorTitle = signal<string | null>(null);
  protected readonly errorItems = signal<SummaryItem[]>([]);

  private fields() {
    return [
      { control: this.form.controls.password, fieldId: 'password', label: this.t.auth.reset.password },
      { control: this.form.controls.passwordConfirmation, fieldId: 'passwordConfirmation', label: this.t.auth.reset.confirmation },
    ];
  }

  protected async submit(): Promise<void> {
    this.errorTitle.set(null);
    if (!readyToSend(this.form)) {
      this.errorTitle.set(this.t.errors.formTitle);
      this.errorItems.set(summarize(this.fields(), this.t));
      return;
    }
    this.sending.set(true);
    try {
      await firstValueFrom(this.http.post(`${API}/auth/password-reset/${encodeURIComponent(this.token())}`, this.form.getRawValue()));
      this.done.set(true);
    } catch (error) {
      const apiError = toApiError(error, this.t);
      const unmatched = applyServerErrors(apiError, this.form.controls);
      this.linkDead.set(apiError.code === 'LINK.INVALID');
      this.errorTitle.set(apiError.hasFieldErrors ? this.t.errors.formTitle : apiError.title);
      this.errorItems.set([...summarize(this.fields(), this.t), ...unmatched.map((message) => ({ message }))]);
    } finally {
      this.sending.set(false);
    }
  }
}
