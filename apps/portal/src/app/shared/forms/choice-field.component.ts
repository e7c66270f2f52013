import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { FieldBase } from './field-base';

export interface Choice {
  value: string;
  label: string;
}

/** A choice among a few (radio buttons in a fieldset) or many (a select), with its error. */
@Component({
  selector: 'ard-choice-field',
  imports: [ReactiveFormsModule],
  template: `
    @if (display() === 'radio') {
      <fieldset class="field" [class.field-invalid]="showError()" [attr.aria-describedby]="describedBy()" [id]="fieldId()" tabindex="-1">
        <legend>
          {{ label() }}
          @if (required()) {
            <span class="required-mark" aria-hidden="true">*</span>
            <span class="visually-hidden">{{ t.forms.requiredSuffix }}</span>
          }
        </legend>
        @if (hint()) {
          <p class="hint" [id]="fieldId() + '-hint'">{{ hint() }}</p>
        }
        <div class="choices-inline">
          @for (choice of choices(); track choice.value) {
            <label class="choice">
              <input type="radio" [formControl]="control()" [value]="choice.value" [name]="fieldId()" (blur)="refresh()" />
              {{ choice.label }}
            </label>
          }
        </div>
        <p class="field-error" [id]="fieldId() + '-error'">
          @if (showError()) {
            @for (message of messages(); track message) {
              <span><span aria-hidden="true">⚠ </span>{{ message }}</span>
            }
          }
        </p>
      </fieldset>
    } @else {
      <div class="field" [class.field-invalid]="showError()">
        <label [for]="fieldId()"
          >{{ label() }}
          @if (required()) {
            <span class="required-mark" aria-hidden="true">*</span>
            <span class="visually-hidden">{{ t.forms.requiredSuffix }}</span>
          }
        </label>
        @if (hint()) {
          <p class="hint" [id]="fieldId() + '-hint'">{{ hint() }}</p>
        }
        <select [id]="fieldId()" [formControl]="control()" [attr.aria-describedby]="describedBy()" [attr.aria-invalid]="showError() || null" (blur)="refresh()">
          @for (choice of choices(); track choice.value) {
            <option [value]="choice.value">{{ choice.label }}</option>
          }
        </select>
        <p class="field-error" [id]="fieldId() + '-error'">
          @if (showError()) {
            @for (message of messages(); track message) {
              <span><span aria-hidden="true">⚠ </span>{{ message }}</span>
            }
          }
        </p>
      </div>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
// FormControl<any>: civilité, régime, service: any string union
export class ChoiceFieldComponent extends FieldBase<FormControl<any>> {
  readonly choices = input.required<readonly Choice[]>();
  readonly display = input<'radio' | 'select'>('select');
}
