import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MESSAGES } from '../../i18n/messages';
import { ChoiceFieldComponent } from '../forms/choice-field.component';
import { TextFieldComponent } from '../forms/text-field.component';
import type { ChildForm } from './family-forms';

/** One child's fields (guide 1.2 "Enfants"): identity, school, diet and health notes. */
@Component({
  selector: 'ard-child-fields',
  imports: [ReactiveFormsModule, TextFieldComponent, ChoiceFieldComponent],
  template: `
    @let c = form().controls;
    @let f = t.family.child;
    <div class="grid-2">
      <ard-text-field [control]="c.lastName" [fieldId]="id('lastName')" [label]="f.lastName" [required]="true" />
      <ard-text-field [control]="c.firstName" [fieldId]="id('firstName')" [label]="f.firstName" [required]="true" />
      <ard-text-field [control]="c.birthDate" [fieldId]="id('birthDate')" [label]="f.birthDate" type="date" [required]="true" />
      <ard-text-field [control]="c.school" [fieldId]="id('school')" [label]="f.school" [required]="true" />
      <ard-text-field [control]="c.className" [fieldId]="id('className')" [label]="f.className" [hint]="f.classHint" [required]="true" />
      <ard-choice-field [control]="c.diet" [fieldId]="id('diet')" [label]="f.diet" [hint]="f.dietHint" [choices]="diets" [required]="true" />
    </div>
    <ard-text-field [control]="c.allergies" [fieldId]="id('allergies')" [label]="f.allergies" [hint]="f.allergiesHint" [multiline]="2" />
    <label class="choice">
      <input type="checkbox" [formControl]="c.pai" [id]="id('pai')" />
      {{ f.pai }}
    </label>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChildFieldsComponent {
  protected readonly t = inject(MESSAGES);
  readonly form = input.required<ChildForm>();
  readonly idPrefix = input.required<string>();
  protected readonly diets = Object.entries(this.t.family.diets).map(([value, label]) => ({ value, label }));
  protected id(name: string): string {
    return `${this.idPrefix()}-${name}`;
  }
}
