import { ChangeDetectionStrategy, Component, computed, inject, input, model } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { BO_MESSAGES } from '../../../i18n/back-office/back-office-messages';
import type { DeadlineRuleDraft } from './catalogue.service';

/** The numbers each form of rule takes (the server checks them again, in French). */
const FIELDS: Record<string, ('days' | 'hours' | 'at' | 'weekday' | 'weeksBefore' | 'dayOfMonth')[]> = {
  school_days_before: ['days', 'at'],
  service_days_before: ['days', 'at'],
  working_days_before: ['days', 'at'],
  day_before: ['at'],
  hours_before_start: ['hours'],
  weekday_of_previous_week: ['weekday', 'at'],
  weekday_of_week_before: ['weekday', 'weeksBefore', 'at'],
  day_of_previous_month: ['dayOfMonth', 'at'],
};
const DEFAULTS: Record<string, string | number> = { days: 1, hours: 72, at: '10:00', weekday: 4, weeksBefore: 2, dayOfMonth: 20 };

/** One deadline rule (booking or cancellation): its form, then only the numbers that form takes. */
@Component({
  selector: 'ard-rule-fields',
  imports: [FormsModule, MatFormFieldModule, MatInputModule],
  template: `
    <fieldset class="rule">
      <legend>{{ legend() }}</legend>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ t.catalogue.rules.kind }}</mat-label>
        <select matNativeControl [name]="name() + '-kind'" [ngModel]="rule().kind" (ngModelChange)="setKind($event)">
          @for (kind of kinds; track kind) {
            <option [value]="kind">{{ kindLabel(kind) }}</option>
          }
        </select>
      </mat-form-field>
      @for (field of fields(); track field) {
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ labelOf(field) }}</mat-label>
          @if (field === 'weekday') {
            <select matNativeControl [name]="name() + '-' + field" [ngModel]="rule()[field]" (ngModelChange)="set(field, +$event)">
              @for (day of t.catalogue.rules.weekdayNames; track $index) {
                <option [value]="$index + 1">{{ day }}</option>
              }
            </select>
          } @else if (field === 'at') {
            <input matInput [name]="name() + '-' + field" [ngModel]="rule()[field]" (ngModelChange)="set(field, $event)" inputmode="numeric" />
          } @else {
            <input matInput type="number" min="1" [name]="name() + '-' + field" [ngModel]="rule()[field]" (ngModelChange)="set(field, +$event)" />
          }
        </mat-form-field>
      }
    </fieldset>
  `,
  styles: `
    .rule {
      border: 1px solid #c4c7c5;
      border-radius: 4px;
      padding: 0.5rem 1rem;
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
    }
    legend {
      font-weight: 600;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RuleFieldsComponent {
  protected readonly t = inject(BO_MESSAGES);
  readonly legend = input.required<string>();
  readonly name = input.required<string>();
  readonly rule = model.required<DeadlineRuleDraft>();
  protected readonly kinds = Object.keys(FIELDS);
  protected readonly fields = computed(() => FIELDS[this.rule().kind] ?? []);

  protected kindLabel(kind: string): string {
    return (this.t.catalogue.rules.kinds as Record<string, string>)[kind] ?? kind;
  }

  protected labelOf(field: string): string {
    return (this.t.catalogue.rules as unknown as Record<string, string>)[field];
  }

  protected setKind(kind: string): void {
    const previous = this.rule();
    const next: DeadlineRuleDraft = { kind };
    for (const field of FIELDS[kind] ?? []) next[field] = previous[field] ?? DEFAULTS[field];
    this.rule.set(next);
  }

  protected set(field: string, value: string | number): void {
    this.rule.set({ ...this.rule(), [field]: value });
  }
}
