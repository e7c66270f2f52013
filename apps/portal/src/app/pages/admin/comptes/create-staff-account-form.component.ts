import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import type { StaffRoleName } from '@ardoise/contracts';
import { toApiError } from '../../../core/api-error';
import { BO_MESSAGES } from '../../../i18n/back-office/back-office-messages';
import { MESSAGES } from '../../../i18n/messages';
import { ChoiceFieldComponent } from '../../../shared/forms/choice-field.component';
import { ErrorSummaryComponent, type SummaryItem } from '../../../shared/forms/error-summary.component';
import { applyServerErrors } from '../../../shared/forms/server-errors';
import { summarizePaths } from '../../../shared/forms/summary';
import { TextFieldComponent } from '../../../shared/forms/text-field.component';
import { AdminService } from '../admin.service';

const ROLES: StaffRoleName[] = ['agent', 'finance', 'auditor', 'admin'];

/** « Créer un compte »: e-mail, name, role and an initial password (argon2id on the server). */
@Component({
  selector: 'ard-create-staff-account-form',
  imports: [ReactiveFormsModule, MatButtonModule, TextFieldComponent, ChoiceFieldComponent, ErrorSummaryComponent],
  template: `
    <section class="panel" aria-labelledby="create-account-heading">
      <h2 id="create-account-heading">{{ a.create.heading }}</h2>
      <p>{{ a.create.intro }}</p>
      <ard-error-summary [title]="errorTitle()" [items]="errorItems()" />
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate data-testid="create-staff-account">
        <ard-text-field [control]="form.controls.email" fieldId="email" [label]="a.create.email" type="email" [required]="true" autocomplete="off" />
        <ard-text-field [control]="form.controls.displayName" fieldId="displayName" [label]="a.create.displayName" [required]="true" autocomplete="off" />
        <ard-choice-field [control]="form.controls.role" fieldId="role" [label]="a.create.role" [choices]="roles" [required]="true" />
        <ard-text-field
          [control]="form.controls.password"
          fieldId="password"
          [label]="a.create.password"
          [hint]="a.create.passwordHint"
          type="password"
          [required]="true"
          autocomplete="new-password"
        />
        <ard-text-field
          [control]="form.controls.passwordConfirmation"
          fieldId="passwordConfirmation"
          [label]="a.create.passwordConfirmation"
          type="password"
          [required]="true"
          autocomplete="new-password"
        />
        <p>
          <button mat-flat-button type="submit" [disabled]="sending()">{{ a.create.submit }}</button>
        </p>
      </form>
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CreateStaffAccountFormComponent {
  protected readonly a = inject(BO_MESSAGES).admin.accounts;
  private readonly m = inject(MESSAGES);
  private readonly admin = inject(AdminService);
  /** The new account's e-mail, once created. */
  readonly created = output<string>();

  protected readonly roles = ROLES.map((value) => ({ value, label: this.a.roleNames[value] }));
  protected readonly form = new FormGroup({
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email, Validators.maxLength(254)] }),
    displayName: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.minLength(2), Validators.maxLength(100)] }),
    role: new FormControl<StaffRoleName>('agent', { nonNullable: true, validators: [Validators.required] }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    passwordConfirmation: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });
  protected readonly sending = signal(false);
  protected readonly errorTitle = signal<string | null>(null);
  protected readonly errorItems = signal<readonly SummaryItem[]>([]);

  protected async submit(): Promise<void> {
    const controls = this.form.controls;
    this.form.markAllAsTouched();
    const items = summarizePaths(controls, this.m);
    this.errorItems.set(items);
    this.errorTitle.set(items.length > 0 ? this.m.errors.formTitle : null);
    if (items.length > 0) return;
    this.sending.set(true);
    try {
      const value = this.form.getRawValue();
      await this.admin.createStaffAccount({ ...value, email: value.email.trim(), displayName: value.displayName.trim() });
      this.created.emit(value.email.trim());
      this.form.reset();
    } catch (error) {
      const problem = toApiError(error, this.m);
      const unmatched = applyServerErrors(problem, controls);
      this.errorTitle.set(problem.hasFieldErrors ? this.m.errors.formTitle : problem.title);
      this.errorItems.set([...summarizePaths(controls, this.m), ...unmatched.map((message) => ({ message }))]);
    } finally {
      this.sending.set(false);
    }
  }
}
