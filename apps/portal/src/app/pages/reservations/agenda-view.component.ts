import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import type { RequestResult } from '@ardoise/contracts';
import { toApiError } from '../../core/api-error';
import { MESSAGES } from '../../i18n/messages';
import { addDays } from '../../shared/dates';
import { longDay, today } from '../../shared/formats';
import { ChoiceFieldComponent } from '../../shared/forms/choice-field.component';
import { ErrorSummaryComponent, type SummaryItem } from '../../shared/forms/error-summary.component';
import { applyServerErrors } from '../../shared/forms/server-errors';
import { summarize } from '../../shared/forms/summary';
import { TextFieldComponent } from '../../shared/forms/text-field.component';
import { ReservationsStore } from './reservations.store';
import { TypicalWeekComponent } from './typical-week.component';

const atLeastOne = (message: string) => (control: FormArray<FormControl<boolean>>) => (control.controls.some((c) => c.value) ? null : { none: message });

/** Vue Agenda (guide 2.2): a prestation, a start and an end date, some weekdays → many requests at once. */
@Component({
  selector: 'ard-agenda-view',
  imports: [ReactiveFormsModule, TextFieldComponent, ChoiceFieldComponent, ErrorSummaryComponent, TypicalWeekComponent],
  templateUrl: './agenda-view.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgendaViewComponent {
  protected readonly t = inject(MESSAGES);
  protected readonly a = this.t.reservations.agenda;
  protected readonly store = inject(ReservationsStore);
  protected readonly longDay = longDay;

  protected readonly serviceChoices = computed(() => this.store.services().map((s) => ({ value: s.code, label: s.label })));
  protected readonly form = new FormGroup({
    serviceCode: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    from: new FormControl(addDays(today(), 7), { nonNullable: true, validators: [Validators.required] }),
    to: new FormControl(addDays(today(), 35), { nonNullable: true, validators: [Validators.required] }),
    weekdays: new FormArray(
      [1, 2, 3, 4, 5].map((d) => new FormControl(d !== 3, { nonNullable: true })),
      {
        validators: [atLeastOne(this.a.weekdayRequired) as never],
      },
    ),
  });
  protected readonly sending = signal(false);
  protected readonly result = signal<RequestResult | null>(null);
  protected readonly errorTitle = signal<string | null>(null);
  protected readonly errorItems = signal<SummaryItem[]>([]);

  constructor() {
    // The service's own weekdays, once the catalogue is known and whenever another service is chosen.
    this.form.controls.serviceCode.valueChanges.subscribe((code) => {
      const service = this.store.services().find((s) => s.code === code);
      if (service) this.form.controls.weekdays.controls.forEach((c, i) => c.setValue(service.weekdays.includes(i + 1)));
    });
  }

  private fields() {
    const c = this.form.controls;
    return [
      { control: c.serviceCode, fieldId: 'agenda-serviceCode', label: this.a.service },
      { control: c.from, fieldId: 'agenda-from', label: this.a.from },
      { control: c.to, fieldId: 'agenda-to', label: this.a.to },
      { control: c.weekdays, fieldId: 'agenda-weekdays', label: this.a.weekdays },
    ];
  }

  protected async submit(): Promise<void> {
    this.errorTitle.set(null);
    this.result.set(null);
    const childId = this.store.childId();
    this.form.markAllAsTouched();
    const v = this.form.getRawValue();
    if (v.from && v.to && v.to < v.from) this.form.controls.to.setErrors({ order: this.a.toBeforeFrom });
    if (this.form.invalid || !childId) {
      this.errorTitle.set(this.t.errors.formTitle);
      this.errorItems.set(summarize(this.fields(), this.t));
      return;
    }
    this.sending.set(true);
    try {
      const weekdays = v.weekdays.map((on, i) => (on ? i + 1 : 0)).filter(Boolean);
      this.result.set(await this.store.requestRange({ childId, serviceCode: v.serviceCode, from: v.from, to: v.to, weekdays }));
    } catch (error) {
      const apiError = toApiError(error, this.t);
      const c = this.form.controls;
      const unmatched = applyServerErrors(apiError, { serviceCode: c.serviceCode, from: c.from, to: c.to, weekdays: c.weekdays });
      this.errorTitle.set(apiError.hasFieldErrors ? this.t.errors.formTitle : apiError.title);
      this.errorItems.set([...summarize(this.fields(), this.t), ...unmatched.map((message) => ({ message }))]);
    } finally {
      this.sending.set(false);
    }
  }
}
