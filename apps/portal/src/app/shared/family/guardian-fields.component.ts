import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MESSAGES } from '../../i18n/messages';
import { ChoiceFieldComponent } from '../forms/choice-field.component';
import { TextFieldComponent } from '../forms/text-field.component';
import type { GuardianForm } from './family-forms';

/** One responsable's fields (guide 1.2 "Responsables"); ids prefixed so two can share a page. */
@Component({
  selector: 'ard-guardian-fields',
  imports: [ReactiveFormsModule, TextFieldComponent, ChoiceFieldComponent],
  template: `
    @let g = form().controls;
    @let a = g.address.controls;
    @let f = t.family.guardian;
    <ard-choice-field [control]="g.civility" [fieldId]="id('civility')" [label]="f.civility" [choices]="civilities" display="radio" [required]="true" />
    <div class="grid-2">
      <ard-text-field [control]="g.lastName" [fieldId]="id('lastName')" [label]="f.lastName" autocomplete="family-name" [required]="true" />
      <ard-text-field [control]="g.firstName" [fieldId]="id('firstName')" [label]="f.firstName" autocomplete="given-name" [required]="true" />
      <ard-text-field
        [control]="g.mobilePhone"
        [fieldId]="id('mobilePhone')"
        [label]="f.mobilePhone"
        type="tel"
        autocomplete="tel"
        [hint]="contact() ? f.phoneHint + ' ' + f.onePhoneHint : f.phoneHint"
      />
      <ard-text-field [control]="g.homePhone" [fieldId]="id('homePhone')" [label]="f.homePhone" type="tel" [hint]="f.phoneHint" />
      <ard-text-field [control]="g.workPhone" [fieldId]="id('workPhone')" [label]="f.workPhone" type="tel" [hint]="f.phoneHint" />
      <ard-text-field [control]="g.email" [fieldId]="id('email')" [label]="f.email" type="email" autocomplete="email" />
    </div>
    <fieldset>
      <legend>{{ f.addressLegend }}</legend>
      <ard-text-field [control]="a.line1" [fieldId]="id('address-line1')" [label]="f.line1" autocomplete="address-line1" [required]="contact()" />
      <ard-text-field [control]="a.line2" [fieldId]="id('address-line2')" [label]="f.line2" autocomplete="address-line2" />
      <div class="grid-2">
        <ard-text-field
          [control]="a.postalCode"
          [fieldId]="id('address-postalCode')"
          [label]="f.postalCode"
          autocomplete="postal-code"
          inputmode="numeric"
          [required]="contact()"
        />
        <ard-text-field [control]="a.city" [fieldId]="id('address-city')" [label]="f.city" autocomplete="address-level2" [required]="contact()" />
      </div>
    </fieldset>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GuardianFieldsComponent {
  protected readonly t = inject(MESSAGES);
  readonly form = input.required<GuardianForm>();
  readonly idPrefix = input.required<string>();
  /** Responsable 1, the family's contact: a phone and an address are required. */
  readonly contact = input(false);
  protected readonly civilities = [
    { value: 'madame', label: this.t.family.civility['madame']! },
    { value: 'monsieur', label: this.t.family.civility['monsieur']! },
  ];
  protected readonly prefix = computed(() => this.idPrefix());
  protected id(name: string): string {
    return `${this.prefix()}-${name}`;
  }
}
