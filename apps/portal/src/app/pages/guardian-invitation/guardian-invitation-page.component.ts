import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, OnInit, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import type { SignedIn } from '@ardoise/contracts';
import { firstValueFrom } from 'rxjs';
import { API } from '../../core/api';
import { toApiError } from '../../core/api-error';
import { SessionService } from '../../core/session.service';
import { MESSAGES } from '../../i18n/messages';
import { ErrorSummaryComponent, type SummaryItem } from '../../shared/forms/error-summary.component';
import { applyServerErrors, readyToSend } from '../../shared/forms/server-errors';
import { summarize } from '../../shared/forms/summary';
import { TextFieldComponent } from '../../shared/forms/text-field.component';
import { passwordPolicy, sameAs } from '../../shared/forms/validators';

/** Responsable 2's own login, from the invitation e-mail: /invitation/<token>. */
@Component({
  selector: 'ard-guardian-invitation-page',
  imports: [ReactiveFormsModule, RouterLink, TextFieldComponent, ErrorSummaryComponent],
  template: `
    <h1>{{ g.heading }}</h1>
    @if (dead(); as reason) {
      <div class="error-summary" role="alert">
        <p>{{ reason }}</p>
      </div>
      <p>
        <a routerLink="/connexion">{{ t.auth.forgotten.backToLogin }}</a>
      </p>
    } @else if (email(); as address) {
      <p>{{ g.intro(address) }}</p>
      <ard-error-summary [title]="errorTitle()" [items]="errorItems()" />
      <form class="form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <input type="email" class="visually-hidden" autocomplete="username" [value]="address" tabindex="-1" aria-hidden="true" />
        <ard-text-field
          [control]="form.controls.password"
          fieldId="password"
          type="password"
          autocomplete="new-password"
          [label]="t.family.wizard.password"
          [hint]="t.forms.passwordHint"
          [required]="true"
        />
        <ard-text-field
          [control]="form.controls.passwordConfirmation"
          fieldId="passwordConfirmation"
          type="password"
          autocomplete="new-password"
          [label]="t.family.wizard.passwordConfirmation"
          [required]="true"
        />
        <button type="submit" class="button button-primary" [disabled]="sending()">{{ sending() ? t.forms.sending : g.submit }}</button>
      </form>
    } @else {
      <p role="status">{{ t.forms.loading }}</p>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GuardianInvitationPageComponent implements OnInit {
  protected readonly t = inject(MESSAGES);
  protected readonly g = this.t.family.guardianInvitation;
  private readonly http = inject(HttpClient);
  private readonly session = inject(SessionService);
  private readonly router = inject(Router);
  readonly token = input.required<string>();

  protected readonly email = signal<string | null>(null);
  protected readonly dead = signal<string | null>(null);
  protected readonly sending = signal(false);
  protected readonly errorTitle = signal<string | null>(null);
  protected readonly errorItems = signal<SummaryItem[]>([]);
  protected readonly form = new FormGroup({
    password: new FormControl('', { nonNullable: true, validators: [Validators.required, passwordPolicy(this.t.forms.passwordPolicy)] }),
    passwordConfirmation: new FormControl('', { nonNullable: true, validators: [Validators.required, sameAs('password', this.t.forms.passwordMismatch)] }),
  });

  private url(): string {
    return `${API}/guardian-invitations/${encodeURIComponent(this.token())}`;
  }

  async ngOnInit(): Promise<void> {
    try {
      this.email.set((await firstValueFrom(this.http.get<{ email: string }>(this.url()))).email);
    } catch (error) {
      this.dead.set(toApiError(error, this.t).title);
    }
  }

  private fields() {
    return [
      { control: this.form.controls.password, fieldId: 'password', label: this.t.family.wizard.password },
      { control: this.form.controls.passwordConfirmation, fieldId: 'passwordConfirmation', label: this.t.family.wizard.passwordConfirmation },
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
      const me = await firstValueFrom(this.http.post<SignedIn>(this.url(), this.form.getRawValue()));
      this.session.signedIn(me);
      await this.router.navigateByUrl('/reservations');
    } catch (error) {
      const apiError = toApiError(error, this.t);
      const unmatched = applyServerErrors(apiError, this.form.controls);
      this.errorTitle.set(apiError.hasFieldErrors ? this.t.errors.formTitle : apiError.title);
      this.errorItems.set([...summarize(this.fields(), this.t), ...unmatched.map((message) => ({ message }))]);
    } finally {
      this.sending.set(false);
    }
  }
}
