import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { type AbstractControl, FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { toApiError } from '../../../core/api-error';
import { BO_MESSAGES } from '../../../i18n/back-office/back-office-messages';
import { MESSAGES } from '../../../i18n/messages';
import { controlMessages } from '../../../shared/forms/control-messages';
import { ErrorSummaryComponent, type SummaryItem } from '../../../shared/forms/error-summary.component';
import { applyServerErrors } from '../../../shared/forms/server-errors';
import { summarizePaths } from '../../../shared/forms/summary';
import { controlsByPath } from '../../../shared/family/family-forms';
import { CatalogueService, type SchoolYearView } from './catalogue.service';

/** The four-day week most towns keep: no school on Wednesday (libs/catalogue FOUR_DAY_WEEK). */
const FOUR_DAY_WEEK = [1, 2, 4, 5];
const ZONES = ['A', 'B', 'C'];
/** Ids of this form's fields start with it (`school-year-holidays-0-start`), apart from the page's other forms. */
const PREFIX = 'school-year';

const text = (value = '', ...validators: ((c: AbstractControl) => object | null)[]) => new FormControl(value, { nonNullable: true, validators });

function holidayRow(h?: SchoolYearView['holidays'][number]) {
  return new FormGroup({
    label: text(h?.label ?? '', Validators.required, Validators.minLength(2), Validators.maxLength(80)),
    zones: text(h?.zones.join(',') ?? ''),
    start: text(h?.start ?? '', Validators.required),
    end: text(h?.end ?? '', Validators.required),
  });
}

function publicHolidayRow(p?: SchoolYearView['publicHolidays'][number]) {
  return new FormGroup({
    date: text(p?.date ?? '', Validators.required),
    label: text(p?.label ?? '', Validators.required, Validators.minLength(2), Validators.maxLength(80)),
  });
}

/**
 * Defines a school year of the town, or corrects one (PUT /catalogue/calendar/school-years/:label):
 * its dates, the holidays of each zone, the public holidays and the weekdays with classes.
 */
@Component({
  selector: 'ard-school-year-form',
  imports: [ReactiveFormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, ErrorSummaryComponent],
  templateUrl: './school-year-form.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SchoolYearFormComponent {
  protected readonly t = inject(BO_MESSAGES);
  private readonly m = inject(MESSAGES);
  private readonly catalogue = inject(CatalogueService);
  protected readonly prefix = PREFIX;
  protected readonly zoneChoices = ZONES;
  protected readonly weekdayNumbers = [1, 2, 3, 4, 5, 6, 7];

  /** The year to correct; null: a new one. */
  readonly year = input<SchoolYearView | null>(null);
  readonly saved = output<string>();
  readonly cancelled = output<void>();

  protected readonly form = new FormGroup({
    label: text('', Validators.required, Validators.pattern(/^\d{4}-\d{4}$/)),
    zone: text('A', Validators.required),
    start: text('', Validators.required),
    end: text('', Validators.required),
    classesStart: text('', Validators.required),
    classesEnd: text('', Validators.required),
    schoolWeekdays: new FormGroup(
      Object.fromEntries(this.weekdayNumbers.map((d) => [String(d), new FormControl(FOUR_DAY_WEEK.includes(d), { nonNullable: true })])),
    ),
    holidays: new FormArray([holidayRow()]),
    publicHolidays: new FormArray<ReturnType<typeof publicHolidayRow>>([]),
  });
  protected readonly sending = signal(false);
  protected readonly errorTitle = signal<string | null>(null);
  protected readonly errorItems = signal<readonly SummaryItem[]>([]);

  constructor() {
    effect(() => this.fill(this.year()));
  }

  protected get holidays() {
    return this.form.controls.holidays;
  }

  protected get publicHolidays() {
    return this.form.controls.publicHolidays;
  }

  /** The choices of a holiday row's zone select: every zone, one zone, or the row's own list. */
  protected zoneOptions(current: string): string[] {
    const options = ['', ...ZONES];
    return options.includes(current) ? options : [...options, current];
  }

  protected zoneLabel(value: string): string {
    return value === '' ? this.t.catalogue.schoolYear.allZones : this.t.catalogue.schoolYear.zones(value);
  }

  protected id(path: string): string {
    return `${PREFIX}-${path.replace(/\./g, '-')}`;
  }

  protected errors(control: AbstractControl): string[] {
    return control.invalid && control.touched ? controlMessages(control.errors, this.m) : [];
  }

  protected addHoliday(): void {
    this.holidays.push(holidayRow());
    this.focusLater(this.id(`holidays.${this.holidays.length - 1}.label`));
  }

  protected removeHoliday(index: number): void {
    this.holidays.removeAt(index);
    this.focusLater(`${PREFIX}-add-holiday`);
  }

  protected addPublicHoliday(): void {
    this.publicHolidays.push(publicHolidayRow());
    this.focusLater(this.id(`publicHolidays.${this.publicHolidays.length - 1}.date`));
  }

  protected removePublicHoliday(index: number): void {
    this.publicHolidays.removeAt(index);
    this.focusLater(`${PREFIX}-add-public-holiday`);
  }

  protected async submit(): Promise<void> {
    const controls = this.apiControls();
    for (const control of Object.values(controls)) {
      control.markAsTouched();
      control.updateValueAndValidity();
    }
    this.errorTitle.set(null);
    if (this.form.invalid) return this.summarize(this.m.errors.formTitle, controls, []);
    const value = this.form.getRawValue();
    this.sending.set(true);
    try {
      await this.catalogue.defineSchoolYear(value.label, {
        zone: value.zone,
        start: value.start,
        end: value.end,
        classesStart: value.classesStart,
        classesEnd: value.classesEnd,
        schoolWeekdays: this.weekdayNumbers.filter((d) => value.schoolWeekdays[String(d)]),
        holidays: value.holidays.map((h) => ({ label: h.label.trim(), zones: h.zones ? h.zones.split(',') : [], start: h.start, end: h.end })),
        publicHolidays: value.publicHolidays.map((p) => ({ date: p.date, label: p.label.trim() })),
      });
      this.errorItems.set([]);
      this.saved.emit(value.label);
    } catch (error) {
      const problem = toApiError(error, this.m);
      const unmatched = applyServerErrors(problem, controls);
      this.summarize(problem.hasFieldErrors ? this.m.errors.formTitle : problem.title, controls, unmatched);
    } finally {
      this.sending.set(false);
    }
  }

  /** The form's controls by the API's field path (`holidays.0.end`), for its problem+json errors. */
  private apiControls(): Record<string, AbstractControl> {
    const all: Record<string, AbstractControl> = {};
    const { schoolWeekdays, ...fields } = this.form.controls;
    for (const [name, control] of Object.entries(fields)) controlsByPath(control, name, all);
    all['schoolWeekdays'] = schoolWeekdays;
    return all;
  }

  private summarize(title: string, controls: Record<string, AbstractControl>, unmatched: string[]): void {
    const prefixed = Object.fromEntries(Object.entries(controls).map(([path, c]) => [`${PREFIX}.${path}`, c]));
    this.errorTitle.set(title);
    this.errorItems.set([...summarizePaths(prefixed, this.m), ...unmatched.map((message) => ({ message }))]);
  }

  private fill(year: SchoolYearView | null): void {
    this.holidays.clear();
    this.publicHolidays.clear();
    for (const h of year?.holidays ?? [undefined]) this.holidays.push(holidayRow(h));
    for (const p of year?.publicHolidays ?? []) this.publicHolidays.push(publicHolidayRow(p));
    const days = year?.schoolWeekdays ?? FOUR_DAY_WEEK;
    this.form.patchValue({
      label: year?.label ?? '',
      zone: year?.zone ?? 'A',
      start: year?.start ?? '',
      end: year?.end ?? '',
      classesStart: year?.classesStart ?? '',
      classesEnd: year?.classesEnd ?? '',
      schoolWeekdays: Object.fromEntries(this.weekdayNumbers.map((d) => [String(d), days.includes(d)])),
    });
    if (year) this.form.controls.label.disable();
    else this.form.controls.label.enable();
    this.form.markAsUntouched();
    this.errorTitle.set(null);
    this.errorItems.set([]);
  }

  private focusLater(id: string): void {
    setTimeout(() => document.getElementById(id)?.focus());
  }
}
