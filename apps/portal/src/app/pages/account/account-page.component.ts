import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { firstValueFrom } from 'rxjs';
import { API } from '../../core/api';
import { toApiError } from '../../core/api-error';
import { MESSAGES } from '../../i18n/messages';
import { ErrorSummaryComponent, type SummaryItem } from '../../shared/forms/error-summary.component';
import { applyServerErrors, readyToSend } from '../../shared/forms/server-errors';
import { type FieldRef, summarize } from '../../shared/forms/summary';
import { TextFieldComponent } from '../../shared/forms/text-field.component';
import { passwordPolicy, sameAs } from '../../shared/forms/validators';

interface FormState {
  sending: boolean;
  title: string | null;
  items: SummaryItem[];
  done: string | null;
}
const idle: FormState = { sending: false, title: null, items: [], done: null };

/** Mon compte: change one's password, change one's login e-mail (confirmed by a link). */
@Component({
  selector: 'ard-account-page',
  imports: [ReactiveFormsModule, TextFieldComponent, ErrorSummaryComponent],
  template: `
    <h1>{{ m.heading }}</h1>
    <p class="muted">{{ t.forms.requiredLegend }}</p>

    <section class="panel" aria-labelledby="password-heading">
      <h2 id="password-heading">{{ m.passwordHeading }}</h2>
      @if (passwordState().done; as done) {
        <p class="notice" role="status">{{ done }}</p>
      }
      <ard-error-summary [title]="passwordState().title" [items]="passwordState().items" />
      <form class="form" [formGroup]="password" (ngSubmit)="changePassword()" novalidate>
        <ard-text-field
          [control]="password.controls.currentPassword"
          fieldId="currentPassword"
          type="password"
          autocomplete="current-password"
          [label]="m.currentPassword"
          [required]="true"
        />
        <ard-text-field
          [control]="password.controls.newPassword"
          fieldId="newPassword"
          type="password"
          autocomplete="new-password"
          [label]="m.newPassword"
          [hint]="t.forms.passwordHint"
          [required]="true"
        />
        <ard-text-field
          [control]="password.controls.newPasswordConfirmation"
          fieldId="newPasswordConfirmation"
          type="password"
          autocomplete="new-password"
          [label]="m.newPasswordConfirmation"
          [required]="true"
        />
        <button type="submit" class="button button-primary" [disabled]="passwordState().sending">{{ m.passwordSubmit }}</button>
      </form>
    </section>

    <section class="panel" aria-labelledby="email-heading">
      <h2 id="email-heading">{{ m.emailHeading }}</h2>
      <p>{{ m.emailIntro }}</p>
      @if (emailState().done; as done) {
        <p class="notice" role="status">{{ done }}</p>
      }
      <ard-error-summary [title]="emailState().title" [items]="emailState().items" />
      <form class="form" [formGroup]="email" (ngSubmit)="changeEmail()" novalidate>
        <ard-text-field [control]="email.controls.newEmail" fieldId="newEmail" type="email" autocomplete="email" [label]="m.newEmail" [required]="true" />
        <ard-text-field
          [control]="email.controls.password"
          fieldId="emailPassword"
          type="password"
          autocomplete="current-password"
          [label]="m.emailPassword"
          [required]="true"
        />
        <button type="submit" class="button button-primary" [disabled]="emailState().sending">{{ m.emailSubmit }}</button>
      </form>
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountPageComponent {
  protected readonly t = inject(MESSAGES);
  protected readonly m = this.t.auth.myAccount;
  private readonly http = inject(HttpClient);

  protected readonly password = new FormGroup({
    currentPassword: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    newPassword: new FormControl('', { nonNullable: true, validators: [Validators.required, passwordPolicy(this.t.forms.passwordPolicy)] }),
    newPasswordConfirmation: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, sameAs('newPassword', this.t.forms.passwordMismatch)],
    }),
  });
  protected readonly email = new FormGroup({
    newEmail: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });
  protected readonly passwordState = signal<FormState>(idle);
  protected readonly emailState = signal<FormState>(idle);

  protected changePassword(): Promise<void> {
    const c = this.password.controls;
    const fields: FieldRef[] = [
      { control: c.currentPassword, fieldId: 'currentPassword', label: this.m.currentPassword },
      { control: c.newPassword, fieldId: 'newPassword', label: this.m.newPassword },
      { control: c.newPasswordConfirmation, fieldId: 'newPasswordConfirmation', label: this.m.newPasswordConfirmation },
    ];
    return this.send(this.password, fields, this.passwordState, `${API}/auth/password`, this.password.controls, () => {
      this.password.reset();
      return this.m.passwordChanged;
    });
  }

  protected changeEmail(): Promise<void> {
    const c = this.email.controls;
    const fields: FieldRef[] = [
      { control: c.newEmail, fieldId: 'newEmail', label: this.m.newEmail },
      { control: c.password, fieldId: 'emailPassword', label: this.m.emailPassword },
    ];
    return this.send(this.email, fields, this.emailState, `${API}/auth/email-change`, this.email.controls, () => {
      const sentTo = c.newEmail.value.trim();
      this.email.reset();
      return this.m.emailSent(sentTo);
    });
  }

  private async send(
    form: FormGroup,
    fields: FieldRef[],
    state: ReturnType<typeof signal<FormState>>,
    url: string,
    controls: Record<string, FormControl>,
    onDone: () => string,
  ): Promise<void> {
    if (!readyToSend(form)) {
      state.set({ ...idle, title: this.t.errors.formTitle, items: summarize(fields, this.t) });
      return;
    }
    state.set({ ...idle, sending: true });
    try {
      await firstValueFrom(this.http.post(url, form.getRawValue()));
      state.set({ ...idle, done: onDone() });
    } catch (error) {
      const apiError = toApiError(error, this.t);
      const unmatched = applyServerErrors(apiError, controls);
      state.set({
        ...idle,
        title: apiError.hasFieldErrors ? this.t.errors.formTitle : apiError.title,
        items: [...summarize(fields, this.t), ...unmatched.map((message) => ({ message }))],
      });
    }
  }
}
