import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { toApiError } from '../../../core/api-error';
import { BO_MESSAGES } from '../../../i18n/back-office/back-office-messages';
import { MESSAGES } from '../../../i18n/messages';
import { instant, longDay } from '../../../shared/formats';
import { BackOfficeContext } from '../../../back-office/shell/back-office-context';
import { CatalogueService, type DeadlineRuleDraft, type PreviewDay, type ServiceDetails } from './catalogue.service';
import { RuleFieldsComponent } from './rule-fields.component';

const FALLBACK: DeadlineRuleDraft = { kind: 'school_days_before', days: 1, at: '10:00' };

/**
 * The règlement of one prestation: booking and cancellation rules, the sessions' start time,
 * and a live preview for chosen dates — worded exactly as the parents' planning words them —
 * before anything is saved.
 */
@Component({
  selector: 'ard-rules-editor',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, RuleFieldsComponent],
  templateUrl: './rules-editor.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RulesEditorComponent {
  protected readonly t = inject(BO_MESSAGES);
  private readonly common = inject(MESSAGES);
  private readonly catalogue = inject(CatalogueService);
  protected readonly context = inject(BackOfficeContext);
  protected readonly longDay = longDay;

  readonly service = input.required<ServiceDetails>();
  readonly saved = output<void>();

  protected readonly season = signal<string>('school');
  protected readonly startTime = signal('');
  protected readonly booking = signal<DeadlineRuleDraft>(FALLBACK);
  protected readonly cancellation = signal<DeadlineRuleDraft>(FALLBACK);
  protected readonly newDate = signal('');
  protected readonly dates = signal<string[]>([]);
  protected readonly preview = signal<PreviewDay[] | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly fieldErrors = signal<string[]>([]);
  protected readonly message = signal<string | null>(null);

  constructor() {
    effect(() => {
      const s = this.service();
      this.season.set(s.season);
      this.startTime.set(s.startTime ?? '');
      this.booking.set(s.booking ?? FALLBACK);
      this.cancellation.set(s.cancellation ?? s.booking ?? FALLBACK);
      this.preview.set(null);
      this.message.set(null);
      this.error.set(null);
    });
  }

  protected addDate(): void {
    const day = this.newDate();
    if (/^\d{4}-\d{2}-\d{2}$/.test(day) && !this.dates().includes(day)) this.dates.set([...this.dates(), day].sort());
    this.newDate.set('');
  }

  protected removeDate(day: string): void {
    this.dates.set(this.dates().filter((d) => d !== day));
  }

  /** The parents' planning words a deadline this way (i18n reservations: bookUntil / cancelUntil). */
  protected words(kind: 'booking' | 'cancellation', iso: string): string {
    return kind === 'booking' ? this.t.catalogue.preview.bookUntil(instant(iso)) : this.t.catalogue.preview.cancelUntil(instant(iso));
  }

  protected async runPreview(): Promise<void> {
    this.addDate();
    if (this.dates().length === 0) return;
    await this.attempt(async () => {
      this.preview.set(
        await this.catalogue.preview(this.service().code, {
          season: this.season(),
          booking: this.booking(),
          cancellation: this.cancellation(),
          ...(this.startTime() ? { startTime: this.startTime() } : {}),
          dates: this.dates(),
        }),
      );
    });
  }

  protected async save(): Promise<void> {
    await this.attempt(async () => {
      const code = this.service().code;
      if (this.startTime() && this.startTime() !== this.service().startTime) await this.catalogue.setStartTime(code, this.startTime());
      await this.catalogue.saveRules(code, { season: this.season(), booking: this.booking(), cancellation: this.cancellation() });
      this.message.set(this.t.catalogue.rules.saved);
      this.saved.emit();
    });
  }

  private async attempt(action: () => Promise<void>): Promise<void> {
    this.error.set(null);
    this.fieldErrors.set([]);
    this.message.set(null);
    try {
      await action();
    } catch (error) {
      const problem = toApiError(error, this.common);
      this.error.set(problem.title);
      this.fieldErrors.set(Object.values(problem.fieldErrors).flat());
    }
  }
}
