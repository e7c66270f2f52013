import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import type { StaffAccountSummary } from '@ardoise/contracts';
import { toApiError } from '../../../core/api-error';
import { BO_MESSAGES } from '../../../i18n/back-office/back-office-messages';
import { MESSAGES } from '../../../i18n/messages';
import { ErrorSummaryComponent, type SummaryItem } from '../../../shared/forms/error-summary.component';
import { applyServerErrors } from '../../../shared/forms/server-errors';
import { summarize, type FieldRef } from '../../../shared/forms/summary';
import { TextFieldComponent } from '../../../shared/forms/text-field.component';
import { AdminService } from '../admin.service';

/** An admin sets a new password on a staff account (its sessions end on the server). */
@Component({
  selector: 'ard-new-password-form',
  imports: [ReactiveFormsModule, MatButtonModule, TextFieldComponent, ErrorSummaryComponent],
  template: `
    <section class="panel" aria-labelledby="new-password-heading">
      <h2 id="new-password-heading">{{ a.newPasswordHeading(account().displayName) }}</h2>
      <p>{{ a.newPasswordHint }}</p>
      <ard-error-summary [title]="errorTitle()" [items]="errorItems()" />
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <ard-text-field
          [control]="form.controls.password"
          fieldId="new-password"
          [label]="a.create.password"
          [hint]="a.create.passwordHint"
          type="password"
          [required]="true"
          autocomplete="new-password"
        />
        <ard-text-field
          [control]="form.controls.passwordConfirmation"
          fieldId="new-passwordConfirmation"
          [label]="a.create.passwordConfirmation"
          type="password"
          [required]="true"
          autocomplete="new-password"
        />
        <p>
          <button mat-flat-button type="submit" [disabled]="sending()">{{ a.setPassword }}</button>
          <button mat-button type="button" (click)="cancelled.emit()">{{ a.cancel }}</button>
        </p>
      </form>
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NewPasswordFormComponent {
  protected readonly a = inject(BO_MESSAGES).admin.accounts;
  private readonly m = inject(MESSAGES);
  private readonly admin = inject(AdminService);
  readonly account = input.required<StaffAccountSummary>();
  readonly done = output<void>();
  readonly cancelled = output<void>();

  protected readonly form = new FormGroup({
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    passwordConfirmation: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });
  protected readonly sending = signal(false);
  protected readonly errorTitle = signal<string | null>(null);
  protected readonly errorItems = signal<readonly SummaryItem[]>([]);

  /** Ids apart from the creation form's, on the same page. */
  private fields(): FieldRef[] {
    return [
      { control: this.form.controls.password, fieldId: 'new-password', label: this.a.create.password },
      { control: this.form.controls.passwordConfirmation, fieldId: 'new-passwordConfirmation', label: this.a.create.passwordConfirmation },
    ];
  }

  protected async submit(): Promise<void> {
    const controls = { password: this.form.controls.password, passwordConfirmation: this.form.controls.passwordConfirmation };
    this.form.markAllAsTouched();
    const items = summarize(this.fields(), this.m);
    this.errorItems.set(items);
    this.errorTitle.set(items.length > 0 ? this.m.errors.formTitle : null);
    if (items.length > 0) return;
    this.sending.set(true);
    try {
      const { password, passwordConfirmation } = this.form.getRawValue();
      await this.admin.setPassword(this.account().accountId, password, passwordConfirmation);
      this.done.emit();
    } catch (error) {
      const problem = toApiError(error, this.m);
      const unmatched = applyServerErrors(problem, controls);
      this.errorTitle.set(problem.hasFieldErrors ? this.m.errors.formTitle : problem.title);
      this.errorItems.set([...summarize(this.fields(), this.m), ...unmatched.map((message) => ({ message }))]);
    } finally {
      this.sending.set(false);
    }
  }
}
