import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { toApiError } from '../../core/api-error';
import { HOME_OF_ROLE } from '../../core/staff-areas';
import { SessionService } from '../../core/session.service';
import { MESSAGES } from '../../i18n/messages';
import { ErrorSummaryComponent, type SummaryItem } from '../../shared/forms/error-summary.component';
import { applyServerErrors, readyToSend } from '../../shared/forms/server-errors';
import { summarize } from '../../shared/forms/summary';
import { TextFieldComponent } from '../../shared/forms/text-field.component';

@Component({
  selector: 'ard-login-page',
  imports: [ReactiveFormsModule, RouterLink, TextFieldComponent, ErrorSummaryComponent],
  template: `
    <h1>{{ t.auth.login.heading }}</h1>
    @if (expiree()) {
      <p class="notice notice-warning" role="status">{{ t.auth.login.expired }}</p>
    }
    @if (deconnecte()) {
      <p class="notice" role="status">{{ t.auth.login.loggedOut }}</p>
    }
    <ard-error-summary [title]="errorTitle()" [items]="errorItems()" />
    <form class="form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <p>{{ t.auth.login.intro }}</p>
      <ard-text-field
        [control]="form.controls.email"
        fieldId="email"
        type="email"
        autocomplete="username"
        [label]="t.auth.login.email"
        [hint]="t.auth.login.emailHint"
        [required]="true"
      />
      <ard-text-field
        [control]="form.controls.password"
        fieldId="password"
        [type]="showPassword() ? 'text' : 'password'"
        autocomplete="current-password"
        [label]="t.auth.login.password"
        [required]="true"
      />
      <label class="choice">
        <input type="checkbox" [checked]="showPassword()" (change)="showPassword.set(!showPassword())" />
        {{ t.auth.login.showPassword }}
      </label>
      <div class="actions">
        <button type="submit" class="button button-primary" [disabled]="sending()">
          {{ sending() ? t.forms.sending : t.auth.login.submit }}
        </button>
        <a routerLink="/mot-de-passe-oublie">{{ t.auth.login.forgotten }}</a>
      </div>
    </form>
    <p class="muted">{{ t.auth.login.noAccount }}</p>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPageComponent {
  protected readonly t = inject(MESSAGES);
  private readonly session = inject(SessionService);
  private readonly router = inject(Router);

  /** Query parameters: where to go back to, and why the person is here. */
  readonly retour = input<string>();
  readonly expiree = input<string>();
  readonly deconnecte = input<string>();

  protected readonly form = new FormGroup({
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });
  protected readonly showPassword = signal(false);
  protected readonly sending = signal(false);
  protected readonly errorTitle = signal<string | null>(null);
  protected readonly errorItems = signal<SummaryItem[]>([]);

  protected async submit(): Promise<void> {
    this.errorTitle.set(null);
    if (!readyToSend(this.form)) {
      this.errorTitle.set(this.t.errors.formTitle);
      this.errorItems.set(this.clientItems());
      return;
    }
    this.sending.set(true);
    try {
      const { email, password } = this.form.getRawValue();
      const me = await this.session.login(email.trim(), password);
      const back = this.retour();
      const target = back && back.startsWith('/') && !back.startsWith('//') ? back : HOME_OF_ROLE[me.role];
      await this.router.navigateByUrl(target);
    } catch (error) {
      const apiError = toApiError(error, this.t);
      const unmatched = applyServerErrors(apiError, this.form.controls);
      this.errorTitle.set(apiError.hasFieldErrors ? this.t.errors.formTitle : apiError.title);
      this.errorItems.set([...this.clientItems(), ...unmatched.map((message) => ({ message }))]);
      this.form.controls.password.reset('');
    } finally {
      this.sending.set(false);
    }
  }

  private clientItems(): SummaryItem[] {
    const f = this.form.controls;
    return summarize(
      [
        { control: f.email, fieldId: 'email', label: this.t.auth.login.email },
        { control: f.password, fieldId: 'password', label: this.t.auth.login.password },
      ],
      this.t,
    );
  }
}
