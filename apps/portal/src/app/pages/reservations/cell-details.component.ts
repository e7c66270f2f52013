import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import type { PeriodCell } from '@ardoise/contracts';
import { toApiError } from '../../core/api-error';
import { MESSAGES } from '../../i18n/messages';
import { instant, longDay } from '../../shared/formats';
import { TextFieldComponent } from '../../shared/forms/text-field.component';
import { ReservationsStore } from './reservations.store';

export interface ChosenCell {
  serviceCode: string;
  serviceLabel: string;
  cell: PeriodCell;
}

/** The chosen day of the planning: its state and deadline in words, and what can be done (cancel, absence). */
@Component({
  selector: 'ard-cell-details',
  imports: [ReactiveFormsModule, TextFieldComponent],
  template: `
    <section class="panel cell-details" aria-labelledby="cell-details-heading">
      <h3 id="cell-details-heading" tabindex="-1">{{ r.cell.selected }}</h3>
      @if (chosen(); as c) {
        <p class="what">
          <strong>{{ c.serviceLabel }}</strong>, {{ day() }}
        </p>
        <p>
          <span [class]="'legend-chip state-' + c.cell.state"
            ><span aria-hidden="true">{{ r.symbols[c.cell.state] }} </span>{{ r.states[c.cell.state] }}</span
          >
          @if (c.cell.waitlistRank) {
            <span> ({{ r.rank(c.cell.waitlistRank) }})</span>
          }
          — {{ r.stateHelp[c.cell.state] }}
        </p>
        @if ((c.cell.state === 'requested' || c.cell.state === 'full') && c.cell.waitlistNextRank) {
          <p class="full-detail"><span aria-hidden="true">≡ </span>{{ r.fullDay.detail(c.cell.waitlistNextRank) }}</p>
        }
        @if (deadline(); as d) {
          <p>{{ d }}</p>
        }
        @if (c.cell.absence) {
          <p>{{ r.cell.absenceState[c.cell.absence] }}</p>
        }
        @if (error(); as message) {
          <p class="field-error" role="alert">⚠ {{ message }}</p>
        }
        <div class="actions">
          @if ((c.cell.state === 'validated' || c.cell.state === 'waitlisted') && c.cell.canChange) {
            <button type="button" class="button button-danger" [disabled]="busy()" (click)="cancel()">
              {{ c.cell.state === 'waitlisted' ? r.cell.leaveWaitlist : r.cell.cancel }}
            </button>
          }
          @if (c.cell.state === 'validated' && !c.cell.absence) {
            <button type="button" class="button" [attr.aria-expanded]="absenceOpen()" aria-controls="absence-form" (click)="absenceOpen.set(!absenceOpen())">
              {{ r.cell.absence }}
            </button>
          }
        </div>
        @if (absenceOpen() && c.cell.state === 'validated') {
          <form id="absence-form" class="form" (submit)="$event.preventDefault(); declareAbsence()" novalidate>
            <ard-text-field [control]="reason" fieldId="absence-reason" [label]="r.cell.absenceReason" [hint]="r.cell.absenceReasonHint" [required]="true" />
            <button type="submit" class="button button-primary" [disabled]="busy()">{{ r.cell.absenceSend }}</button>
          </form>
        }
      } @else {
        <p class="muted">{{ r.cell.selectHint }}</p>
      }
    </section>
  `,
  styles: `
    .cell-details h3 {
      margin-top: 0;
    }
    .cell-details h3:focus {
      outline: none;
    }
    .what::first-letter {
      text-transform: uppercase;
    }
    .actions {
      margin-top: 0.5rem;
    }
    .full-detail {
      font-weight: 600;
      color: #7a2c00;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CellDetailsComponent {
  protected readonly t = inject(MESSAGES);
  protected readonly r = this.t.reservations;
  private readonly store = inject(ReservationsStore);
  readonly chosen = input<ChosenCell | null>(null);
  readonly done = output<string>();

  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly absenceOpen = signal(false);
  protected readonly reason = new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.minLength(2), Validators.maxLength(500)] });

  protected readonly day = computed(() => longDay(this.chosen()?.cell.date ?? '2000-01-01'));
  protected readonly deadline = computed(() => {
    const cell = this.chosen()?.cell;
    if (!cell) return '';
    if (cell.state === 'closed') return cell.closedLabel ?? '';
    if (!cell.deadline) return '';
    if (!cell.canChange) return this.r.closedAfter(instant(cell.deadline));
    return cell.state === 'validated' || cell.state === 'waitlisted' ? this.r.cancelUntil(instant(cell.deadline)) : this.r.bookUntil(instant(cell.deadline));
  });

  private slot() {
    const c = this.chosen()!;
    return { childId: this.store.childId()!, serviceCode: c.serviceCode, date: c.cell.date };
  }

  protected async cancel(): Promise<void> {
    const c = this.chosen();
    if (!c) return;
    const what = `${c.serviceLabel}, ${longDay(c.cell.date)}`;
    if (!window.confirm(this.r.cell.cancelConfirm(what))) return;
    await this.run(() => this.store.cancel(this.slot()), this.r.cell.cancelled(what));
  }

  protected async declareAbsence(): Promise<void> {
    this.reason.markAsTouched();
    if (this.reason.invalid) return;
    await this.run(() => this.store.declareAbsence(this.slot(), this.reason.value.trim()), this.r.cell.absenceDone);
    this.absenceOpen.set(false);
    this.reason.reset();
  }

  private async run(action: () => Promise<void>, message: string): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      await action();
      this.done.emit(message);
    } catch (error) {
      this.error.set(toApiError(error, this.t).title);
    } finally {
      this.busy.set(false);
    }
  }
}
