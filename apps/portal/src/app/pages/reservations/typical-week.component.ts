import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import type { RequestResult } from '@ardoise/contracts';
import { toApiError } from '../../core/api-error';
import { MESSAGES } from '../../i18n/messages';
import { addDays } from '../../shared/dates';
import { longDay, today } from '../../shared/formats';
import { TextFieldComponent } from '../../shared/forms/text-field.component';
import { ReservationsStore } from './reservations.store';

/** "Semaine type": what the child does on each weekday, applied to a period in one go. */
@Component({
  selector: 'ard-typical-week',
  imports: [ReactiveFormsModule, TextFieldComponent],
  template: `
    <section class="panel" aria-labelledby="typical-heading">
      <h2 id="typical-heading">{{ a.typicalHeading }}</h2>
      <p>{{ a.typicalIntro }}</p>
      <form (submit)="$event.preventDefault(); apply()" novalidate>
        <div>
          <table class="data typical">
            <caption class="visually-hidden">
              {{
                a.typicalHeading
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ t.reservations.period.service }}</th>
                @for (day of weekdays; track day) {
                  <th scope="col">{{ t.dates.weekdaysShort[day - 1] }}</th>
                }
              </tr>
            </thead>
            <tbody>
              @for (service of schoolServices(); track service.code) {
                <tr>
                  <th scope="row">{{ service.label }}</th>
                  @for (day of weekdays; track day) {
                    <td>
                      @if (service.weekdays.includes(day)) {
                        <input
                          type="checkbox"
                          [checked]="isOn(service.code, day)"
                          (change)="toggle(service.code, day)"
                          [attr.aria-label]="service.label + ', ' + t.dates.weekdays[day - 1]"
                        />
                      } @else {
                        <span aria-hidden="true">—</span><span class="visually-hidden">{{ t.reservations.period.noServiceDay }}</span>
                      }
                    </td>
                  }
                </tr>
              }
            </tbody>
          </table>
        </div>
        <div class="grid-2">
          <ard-text-field [control]="from" fieldId="typical-from" type="date" [label]="a.from" [required]="true" />
          <ard-text-field [control]="to" fieldId="typical-to" type="date" [label]="a.to" [required]="true" />
        </div>
        @if (error(); as message) {
          <p class="field-error" role="alert">⚠ {{ message }}</p>
        }
        <button type="submit" class="button button-primary" [disabled]="sending()">{{ sending() ? t.forms.sending : a.typicalSubmit }}</button>
      </form>
      <div role="status" aria-live="polite">
        @if (result(); as res) {
          <div class="notice">
            <p>
              <strong>{{ a.added(res.added.length) }}</strong>
              @if (res.alreadyInBasket.length) {
                {{ a.already(res.alreadyInBasket.length) }}
              }
            </p>
            @if (res.skipped.length) {
              <details [open]="res.skipped.length <= 3">
                <summary>{{ a.skipped(res.skipped.length) }}</summary>
                <ul>
                  @for (day of res.skipped; track day.date + day.serviceCode) {
                    <li>{{ longDay(day.date) }} : {{ day.message }}</li>
                  }
                </ul>
              </details>
            }
          </div>
        }
      </div>
    </section>
  `,
  styles: `
    .typical {
      table-layout: fixed;
    }
    .typical td,
    .typical th {
      text-align: center;
    }
    .typical tbody th,
    .typical thead th:first-child {
      text-align: left;
      width: 40%;
    }
    .typical input {
      width: 1.5rem;
      height: 1.5rem;
      margin: 0;
    }
    @media (max-width: 40rem) {
      .typical td,
      .typical th {
        padding: 0.375rem 0;
      }
      .typical thead th {
        font-size: 0.8125rem;
      }
      .typical tbody th,
      .typical thead th:first-child {
        width: 34%;
        padding-right: 0.25rem;
      }
      .typical tbody th {
        font-size: 0.8125rem;
        font-weight: 600;
        overflow-wrap: break-word;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TypicalWeekComponent {
  protected readonly t = inject(MESSAGES);
  protected readonly a = this.t.reservations.agenda;
  protected readonly store = inject(ReservationsStore);
  protected readonly longDay = longDay;
  protected readonly weekdays = [1, 2, 3, 4, 5];

  /** A school week's prestations: the holiday centre is booked on its openings, never in a typical week. */
  protected readonly schoolServices = computed(() => this.store.services().filter((s) => s.season === 'school'));
  private readonly chosen = signal(new Set<string>());
  protected readonly from = new FormControl(addDays(today(), 7), { nonNullable: true, validators: [Validators.required] });
  protected readonly to = new FormControl(addDays(today(), 35), { nonNullable: true, validators: [Validators.required] });
  protected readonly sending = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly result = signal<RequestResult | null>(null);
  protected readonly days = computed(() =>
    this.weekdays
      .map((weekday) => ({ weekday, serviceCodes: [...this.chosen()].filter((k) => k.endsWith(`:${weekday}`)).map((k) => k.split(':')[0]!) }))
      .filter((d) => d.serviceCodes.length > 0),
  );

  protected isOn(code: string, day: number): boolean {
    return this.chosen().has(`${code}:${day}`);
  }

  protected toggle(code: string, day: number): void {
    const next = new Set(this.chosen());
    const key = `${code}:${day}`;
    if (next.has(key)) next.delete(key);
    else next.add(key);
    this.chosen.set(next);
  }

  protected async apply(): Promise<void> {
    this.error.set(null);
    this.result.set(null);
    this.from.markAsTouched();
    this.to.markAsTouched();
    const childId = this.store.childId();
    if (this.days().length === 0) return this.error.set(this.a.typicalEmpty);
    if (this.from.invalid || this.to.invalid || !childId) return this.error.set(this.t.errors.formTitle);
    if (this.to.value < this.from.value) return this.error.set(this.a.toBeforeFrom);
    this.sending.set(true);
    try {
      this.result.set(await this.store.applyTypicalWeek({ childId, from: this.from.value, to: this.to.value, days: this.days() }));
    } catch (error) {
      this.error.set(toApiError(error, this.t).title);
    } finally {
      this.sending.set(false);
    }
  }
}
