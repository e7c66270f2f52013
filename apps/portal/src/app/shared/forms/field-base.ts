import { DestroyRef, Directive, OnInit, computed, inject, input, signal } from '@angular/core';
import type { AbstractControl } from '@angular/forms';
import { MESSAGES } from '../../i18n/messages';
import { controlMessages, shouldShow } from './control-messages';

/** What every field component shares: its control, ids, and its error tied by aria-describedby. */
@Directive()
export abstract class FieldBase<C extends AbstractControl = AbstractControl> implements OnInit {
  protected readonly t = inject(MESSAGES);
  private readonly destroyRef = inject(DestroyRef);

  readonly control = input.required<C>();
  readonly fieldId = input.required<string>();
  readonly label = input.required<string>();
  readonly hint = input<string>();
  readonly required = input(false);

  /** Bumped on every change of the control: the control itself is not a signal. */
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
