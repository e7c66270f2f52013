import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { type AbstractControl, FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import { toApiError } from '../../../../core/api-error';
import { MESSAGES } from '../../../../i18n/messages';
import { BO_MESSAGES } from '../../../../i18n/back-office/back-office-messages';
import { ChildFieldsComponent } from '../../../../shared/family/child-fields.component';
import { childForm, childPayload, controlsByPath, guardianForm, guardianPayload } from '../../../../shared/family/family-forms';
import { GuardianFieldsComponent } from '../../../../shared/family/guardian-fields.component';
import { ErrorSummaryComponent, type SummaryItem } from '../../../../shared/forms/error-summary.component';
import { applyServerErrors } from '../../../../shared/forms/server-errors';
import { summarizePaths } from '../../../../shared/forms/summary';
import { TextFieldComponent } from '../../../../shared/forms/text-field.component';
import { FamiliesService } from '../families.service';

/**
 * A family without internet is registered at the desk (POST /families): the same fields as
 * the parents' guide, checked the same way; the file is recorded as created by the agent.
 */
@Component({
  selector: 'ard-create-family-page',
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, GuardianFieldsComponent, ChildFieldsComponent, ErrorSummaryComponent, TextFieldComponent],
  templateUrl: './create-family-page.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CreateFamilyPageComponent {
  protected readonly t = inject(BO_MESSAGES);
  protected readonly m = inject(MESSAGES);
  private readonly families = inject(FamiliesService);
  private readonly router = inject(Router);

  protected readonly account = new FormGroup({
    familyName: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(100)] }),
    email: new FormControl('', { nonNullable: true, validators: [Validators.email, Validators.maxLength(254)] }),
  });
  protected readonly responsable1 = guardianForm(this.m, undefined, true);
  protected readonly responsable2 = guardianForm(this.m);
  protected readonly children = new FormArray([childForm(this.m)]);
  protected readonly secondShown = signal(false);
  protected readonly sending = signal(false);
  protected readonly errorTitle = signal<string | null>(null);
  protected readonly errorItems = signal<readonly SummaryItem[]>([]);

  protected addChild(): void {
    this.children.push(childForm(this.m, { lastName: this.account.controls.familyName.value }));
  }

  private controls(): Record<string, AbstractControl> {
    const all: Record<string, AbstractControl> = {};
    controlsByPath(this.account, '', all);
    controlsByPath(this.responsable1, 'guardians.responsable1', all);
    if (this.secondShown()) controlsByPath(this.responsable2, 'guardians.responsable2', all);
    controlsByPath(this.children, 'children', all);
    return all;
  }

  protected async submit(): Promise<void> {
    const controls = this.controls();
    for (const c of Object.values(controls)) {
      c.markAsTouched();
      c.updateValueAndValidity();
    }
    const items = summarizePaths(controls, this.m);
    if (items.length > 0) {
      this.errorTitle.set(this.m.errors.formTitle);
      this.errorItems.set(items);
      return;
    }
    this.sending.set(true);
    try {
      const { familyName, email } = this.account.getRawValue();
      const { familyId } = await this.families.register({
        familyName: familyName.trim(),
        email: email.trim() || null,
        guardians: { responsable1: guardianPayload(this.responsable1), responsable2: this.secondShown() ? guardianPayload(this.responsable2) : null },
        children: this.children.controls.map(childPayload),
      });
      await this.router.navigate(['/gestion/familles', familyId]);
    } catch (error) {
      const apiError = toApiError(error, this.m);
      const unmatched = applyServerErrors(apiError, controls);
      this.errorTitle.set(apiError.hasFieldErrors ? this.m.errors.formTitle : apiError.title);
      this.errorItems.set([...summarizePaths(controls, this.m), ...unmatched.map((message) => ({ message }))]);
    } finally {
      this.sending.set(false);
    }
  }
}
