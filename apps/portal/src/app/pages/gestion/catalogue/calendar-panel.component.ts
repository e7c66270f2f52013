import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { toApiError } from '../../../core/api-error';
import { BO_MESSAGES } from '../../../i18n/back-office/back-office-messages';
import { MESSAGES } from '../../../i18n/messages';
import { fullDate, longDay } from '../../../shared/formats';
import { BackOfficeContext } from '../../../back-office/shell/back-office-context';
import { CatalogueService, type SchoolYearView, type TownCalendarView } from './catalogue.service';
import { SchoolYearFormComponent } from './school-year-form.component';

/** The town's calendar: school years with their holidays and public holidays, closures (and declaring one). */
@Component({
  selector: 'ard-calendar-panel',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, SchoolYearFormComponent],
  templateUrl: './calendar-panel.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CalendarPanelComponent {
  protected readonly t = inject(BO_MESSAGES);
  private readonly common = inject(MESSAGES);
  private readonly catalogue = inject(CatalogueService);
  protected readonly context = inject(BackOfficeContext);
  protected readonly fullDate = fullDate;
  protected readonly longDay = longDay;
  readonly calendar = input.required<TownCalendarView>();
  readonly changed = output<void>();

  protected readonly date = signal('');
  protected readonly reason = signal('');
  protected readonly message = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  /** The school year being defined (year null) or corrected; null: the form is closed. */
  protected readonly editing = signal<{ year: SchoolYearView | null } | null>(null);
  protected readonly yearMessage = signal<string | null>(null);

  protected openYear(year: SchoolYearView | null): void {
    this.yearMessage.set(null);
    this.editing.set({ year });
    this.focusLater('school-year-form-heading');
  }

  protected closeYear(): void {
    this.editing.set(null);
    this.focusLater('define-school-year');
  }

  protected yearSaved(label: string): void {
    this.editing.set(null);
    this.yearMessage.set(this.t.catalogue.schoolYear.saved(label));
    this.changed.emit();
    this.focusLater('define-school-year');
  }

  private focusLater(id: string): void {
    setTimeout(() => document.getElementById(id)?.focus());
  }

  protected schoolDays(days: number[] | undefined): string {
    return (days ?? [1, 2, 4, 5]).map((d) => this.t.catalogue.weekdays[d - 1]).join(', ');
  }

  protected async declare(): Promise<void> {
    this.error.set(null);
    this.message.set(null);
    try {
      await this.catalogue.declareClosure({ date: this.date(), reason: this.reason() });
      this.message.set(this.t.catalogue.calendar.declared);
      this.date.set('');
      this.reason.set('');
      this.changed.emit();
    } catch (error) {
      const problem = toApiError(error, this.common);
      this.error.set([problem.title, ...Object.values(problem.fieldErrors).flat()].join(' '));
    }
  }
}
