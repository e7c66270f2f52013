import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { FieldBase } from './field-base';

/**
 * A labelled input with its hint and its error, tied together for screen readers
 * (label `for`, `aria-describedby`, `aria-invalid`): RGAA 11.1, 11.10.
 */
@Component({
  selector: 'ard-text-field',
  imports: [ReactiveFormsModule],
  template: `
    <div class="field" [class.field-invalid]="showError()">
      <label [for]="fieldId()">
        {{ label() }}
        @if (required()) {
          <span class="required-mark" aria-hidden="true">*</span>
          <span class="visually-hidden">{{ t.forms.requiredSuffix }}</span>
        }
      </label>
      @if (hint()) {
        <p class="hint" [id]="fieldId() + '-hint'">{{ hint() }}</p>
      }
      @if (multiline()) {
        <textarea
          [id]="fieldId()"
          [formControl]="control()"
          [attr.rows]="multiline()"
          [attr.aria-required]="required() || null"
          [attr.aria-invalid]="showError() || null"
          [attr.aria-describedby]="describedBy()"
          (blur)="refresh()"
        ></textarea>
      } @else {
        <input
          [id]="fieldId()"
          [formControl]="control()"
          [type]="type()"
          [attr.autocomplete]="autocomplete()"
          [attr.inputmode]="inputmode()"
          [attr.aria-required]="required() || null"
          [attr.aria-invalid]="showError() || null"
          [attr.aria-describedby]="describedBy()"
          (blur)="refresh()"
        />
      }
      <p class="field-error" [id]="fieldId() + '-error'">
        @if (showError()) {
          @for (message of messages(); track message) {
            <span><span aria-hidden="true">⚠ </span>{{ message }}</span>
          }
        }
      </p>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TextFieldComponent extends FieldBase<FormControl<string>> {
  readonly type = input<'text' | 'email' | 'password' | 'tel' | 'date' | 'number'>('text');
  readonly autocomplete = input<string>();
  readonly inputmode = input<string>();
  /** Rows of a multi-line text; 0 for a single line. */
  readonly multiline = input(0);
}
