import { HttpClient } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import type { PeriodCell, PeriodView } from '@ardoise/contracts';
import { firstValueFrom } from 'rxjs';
import { API } from '../../core/api';
import { toApiError } from '../../core/api-error';
import { SessionService } from '../../core/session.service';
import { MESSAGES } from '../../i18n/messages';
import { addDays, weekdayOf } from '../../shared/dates';
import { instant, longDay, monthName, shortDay, today } from '../../shared/formats';
import { CellDetailsComponent, type ChosenCell } from './cell-details.component';
import { periodGrid } from './period-grid';
import { ReservationsStore } from './reservations.store';

/** Where the planning opens: this week, or next week once this one is over (week-end). */
function firstDay(): string {
  const day = today();
  return weekdayOf(day) >= 6 ? addDays(day, 8 - weekdayOf(day)) : day;
}

/**
 * Vue Période (guide 2.1): prestations × days for the chosen child, a week or a month,
 * with the state of each day in words and symbols, its deadline on focus and hover, and a
 * keyboard grid (arrows, Home/End, Enter/Space).
 */
@Component({
  selector: 'ard-period-view',
  imports: [CellDetailsComponent],
  templateUrl: './period-view.component.html',
  styleUrl: './period-view.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PeriodViewComponent {
  protected readonly t = inject(MESSAGES);
  protected readonly r = this.t.reservations;
  protected readonly store = inject(ReservationsStore);
  private readonly http = inject(HttpClient);
  private readonly familyId = inject(SessionService).familyId;
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly shortDay = shortDay;
  protected readonly todayDay = today();
  protected readonly states = ['free', 'requested', 'validated', 'waitlisted', 'full', 'closed', 'past_deadline'] as const;
  protected readonly longDay = longDay;

  protected readonly scale = signal<'week' | 'month'>('week');
  protected readonly anchor = signal(firstDay());
  protected readonly view = signal<PeriodView | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly announcement = signal('');
  /** Said, visibly, when a full day goes into the basket: it will be a waiting-list request. */
  protected readonly fullNotice = signal<string | null>(null);
  protected readonly busyCell = signal<string | null>(null);
  /** The cell that holds the grid's single tab stop, as "week:row:col". */
  protected readonly active = signal('0:0:0');
  protected readonly chosen = signal<ChosenCell | null>(null);

  protected readonly grid = computed(() => {
    const view = this.view();
    return view ? periodGrid(view) : null;
  });
  /** The grid always keeps one tab stop, even when the cell that had it is gone (another week, another child). */
  protected readonly tabStop = computed(() => {
    const [week, row, col] = this.active().split(':').map(Number) as [number, number, number];
    const w = this.grid()?.weeks[week];
    return w && row < w.rows.length && col < w.days.length ? this.active() : '0:0:0';
  });
  protected readonly title = computed(() => {
    const view = this.view();
    if (!view) return '';
    return view.view === 'month' ? monthName(view.from) : this.r.period.weekOf(longDay(view.from), longDay(view.to));
  });
  private sequence = 0;

  constructor() {
    // A page left mid-way stops asking (a newer sequence wins).
    inject(DestroyRef).onDestroy(() => this.sequence++);
    effect(() => {
      const childId = this.store.childId();
      const scale = this.scale();
      const anchor = this.anchor();
      this.store.changes();
      if (childId) untracked(() => void this.load(childId, scale, anchor));
    });
  }

  private async load(childId: string, scale: 'week' | 'month', anchor: string): Promise<void> {
    const mine = ++this.sequence;
    this.loading.set(true);
    this.error.set(null);
    try {
      // Read after a change, it shows the change: the read waits for the writes (core/api.ts).
      const url = `${API}/families/${this.familyId()}/children/${childId}/period?view=${scale}&date=${anchor}`;
      const view = await firstValueFrom(this.http.get<PeriodView>(url));
      if (mine !== this.sequence) return;
      this.view.set(view);
      this.store.rememberWaitlistRanks(view);
      this.refreshChosen(view);
    } catch (error) {
      if (mine === this.sequence) this.error.set(toApiError(error, this.t).title);
    } finally {
      if (mine === this.sequence) this.loading.set(false);
    }
  }

  protected setScale(scale: 'week' | 'month'): void {
    this.scale.set(scale);
    this.active.set('0:0:0');
  }

  protected go(to: 'previous' | 'next' | 'today'): void {
    const view = this.view();
    this.anchor.set(to === 'today' || !view ? firstDay() : view[to]);
    this.fullNotice.set(null);
    this.active.set('0:0:0');
    this.chosen.set(null);
  }

  protected key(week: number, row: number, col: number): string {
    return `${week}:${row}:${col}`;
  }

  /** What a screen reader hears after the state: the absence declared, then the deadline. */
  protected cellSuffix(cell: PeriodCell): string {
    const full = cell.state === 'requested' && cell.waitlistNextRank ? this.r.fullDay.cell(cell.waitlistNextRank) : '';
    return [full, cell.absence ? this.r.cell.absenceState[cell.absence] : '', this.deadlineText(cell)].filter(Boolean).join(' — ');
  }

  protected deadlineText(cell: PeriodCell): string {
    if (cell.state === 'closed') return cell.closedLabel ?? '';
    if (!cell.deadline) return '';
    if (!cell.canChange) return this.r.closedAfter(instant(cell.deadline));
    return cell.state === 'validated' || cell.state === 'waitlisted' ? this.r.cancelUntil(instant(cell.deadline)) : this.r.bookUntil(instant(cell.deadline));
  }

  /** A click (or Enter/Space): free or full → into the basket; requested → out of it; otherwise show its detail. */
  protected async activate(serviceCode: string, serviceLabel: string, cell: PeriodCell, key: string): Promise<void> {
    this.active.set(key);
    const childId = this.store.childId();
    if (!childId) return;
    const what = `${serviceLabel}, ${longDay(cell.date)}`;
    const toggles = (cell.state === 'free' || cell.state === 'full' || cell.state === 'requested') && cell.canChange;
    if (!toggles) {
      this.chosen.set({ serviceCode, serviceLabel, cell });
      afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('#cell-details-heading')?.focus(), { injector: this.injector });
      return;
    }
    this.busyCell.set(key);
    this.error.set(null);
    this.fullNotice.set(null);
    try {
      if (cell.state === 'requested' && cell.reservationId) {
        await this.store.remove(cell.reservationId);
        this.announcement.set(this.r.cell.removed(what));
      } else {
        const result = await this.store.request([{ childId, serviceCode, date: cell.date }]);
        const skipped = result.skipped[0]?.message;
        const full = !skipped && cell.state === 'full' && cell.waitlistNextRank ? this.r.fullDay.added(what, cell.waitlistNextRank) : null;
        this.fullNotice.set(full);
        this.announcement.set(skipped ?? full ?? this.r.cell.added(what));
      }
    } catch (error) {
      this.error.set(toApiError(error, this.t).title);
    } finally {
      this.busyCell.set(null);
    }
  }

  protected focusCell(serviceCode: string, serviceLabel: string, cell: PeriodCell, key: string): void {
    this.active.set(key);
    if (this.chosen()?.cell.date !== cell.date || this.chosen()?.serviceCode !== serviceCode) this.chosen.set({ serviceCode, serviceLabel, cell });
  }

  /**
   * The ARIA grid keys: arrows move, Home/End go to the row's ends, Ctrl+Home/End to the
   * grid's. In a month (one table per week), Down from a week's last row goes on to the next week.
   */
  protected onKeydown(event: KeyboardEvent): void {
    const weeks = this.grid()?.weeks ?? [];
    let [week, row, col] = this.tabStop().split(':').map(Number) as [number, number, number];
    const rows = (w: number) => weeks[w]?.rows.length ?? 0;
    const cols = (w: number) => weeks[w]?.days.length ?? 0;
    switch (event.key) {
      case 'ArrowRight':
        col = Math.min(cols(week) - 1, col + 1);
        break;
      case 'ArrowLeft':
        col = Math.max(0, col - 1);
        break;
      case 'ArrowDown':
        if (row < rows(week) - 1) row++;
        else if (week < weeks.length - 1) [week, row, col] = [week + 1, 0, Math.min(col, cols(week + 1) - 1)];
        break;
      case 'ArrowUp':
        if (row > 0) row--;
        else if (week > 0) [week, row, col] = [week - 1, rows(week - 1) - 1, Math.min(col, cols(week - 1) - 1)];
        break;
      case 'Home':
        [week, row, col] = event.ctrlKey ? [0, 0, 0] : [week, row, 0];
        break;
      case 'End':
        [week, row, col] = event.ctrlKey ? [weeks.length - 1, rows(weeks.length - 1) - 1, cols(weeks.length - 1) - 1] : [week, row, cols(week) - 1];
        break;
      default:
        return;
    }
    event.preventDefault();
    const key = this.key(week, row, col);
    this.active.set(key);
    this.host.nativeElement.querySelector<HTMLElement>(`[data-cell="${key}"]`)?.focus();
  }

  private refreshChosen(view: PeriodView): void {
    const chosen = this.chosen();
    if (!chosen) return;
    const cell = view.services.find((s) => s.code === chosen.serviceCode)?.days.find((d) => d.date === chosen.cell.date);
    this.chosen.set(cell ? { ...chosen, cell } : null);
  }
}
