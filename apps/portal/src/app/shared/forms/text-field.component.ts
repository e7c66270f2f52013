import { ChangeDetectionStrategy, Component, DestroyRef, OnInit, computed, inject, input, signal } from '@angular/core';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { MESSAGES } from '../../i18n/messages';
import { controlMessages, shouldShow } from './control-messages';

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
export class TextFieldComponent implements OnInit {
  protected readonly t = inject(MESSAGES);
  private readonly destroyRef = inject(DestroyRef);

  readonly control = input.required<FormControl<string>>();
  readonly fieldId = input.required<string>();
  readonly label = input.required<string>();
  readonly hint = input<string>();
  readonly type = input<'text' | 'email' | 'password' | 'tel' | 'date' | 'number'>('text');
  readonly autocomplete = input<string>();
  readonly inputmode = input<string>();
  readonly required = input(false);

  /** Bumped on every status change of the control: the control itself is not a signal. */
  private readonly version = signal(0);
  protected readonly showError = computed(() => (this.version(), shouldShow(this.control())));
  protected readonly messages = computed(() => (this.version(), controlMessages(this.control().errors, this.t)));
  protected readonly describedBy = computed(() => [this.hint() ? `${this.fieldId()}-hint` : '', `${this.fieldId()}-error`].join(' ').trim());

  ngOnInit(): void {
    const subscription = this.control().events.subscribe(() => this.refresh());
    this.destroyRef.onDestroy(() => subscription.unsubscribe());
  }

  protected refresh(): void {
    this.version.update((v) => v + 1);
  }
}
