import { ChangeDetectionStrategy, Component, ElementRef, computed, effect, inject, input, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { FamilyFileView, PeriodCell, PeriodView, ReservationHistory, ServiceView } from '@ardoise/contracts';
import { toApiError } from '../../../../core/api-error';
import { MESSAGES } from '../../../../i18n/messages';
import { BO_MESSAGES } from '../../../../i18n/back-office/back-office-messages';
import { longDayWithYear, numericDate, today, weekdayDay } from '../../../../shared/formats';
import { weekdayOf } from '../../../../shared/dates';
import { FamiliesService, type Slot } from '../families.service';

type Action = 'book' | 'cancel' | 'absence';

interface Pending {
  action: Action;
  slot: Slot;
  label: string;
  /** Booking past the deadline: the agent must give a reason. */
  override: boolean;
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * An agent books, cancels or declares an absence for a family, from its file, with the
 * banner « Vous agissez pour la famille X » all along. Past a booking deadline the agent
 * gives a reason; the API records it with the agent's name.
 */
@Component({
  selector: 'ard-act-for-family',
  imports: [FormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule],
  templateUrl: './act-for-family.component.html',
  styleUrl: './act-for-family.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActForFamilyComponent {
  protected readonly t = inject(BO_MESSAGES);
  private readonly common = inject(MESSAGES);
  private readonly families = inject(FamiliesService);
  protected readonly longDayWithYear = longDayWithYear;
  protected readonly numericDate = numericDate;
  protected readonly weekdayDay = weekdayDay;

  readonly family = input.required<FamilyFileView>();
  protected readonly name = computed(() => this.family().familyName ?? this.t.unnamedFamily);
  protected readonly children = computed(() => this.family().children.filter((c) => !c.erased));
  protected childId = '';
  protected date = today();
  protected readonly week = signal<PeriodView | null>(null);
  /** The week as shown: without the week-end days when no prestation runs then (as the parents' planning), so it fits a desktop. */
  protected readonly shownWeek = computed(() => {
    const week = this.week();
    if (!week) return null;
    const runs = (date: string) => week.services.some((s) => s.days.find((d) => d.date === date)?.state !== 'closed');
    const shown = new Set((week.services[0]?.days ?? []).map((d) => d.date).filter((date) => weekdayOf(date) <= 5 || runs(date)));
    return { ...week, services: week.services.map((s) => ({ ...s, days: s.days.filter((d) => shown.has(d.date)) })) };
  });
  protected readonly services = signal<ServiceView[]>([]);
  protected readonly history = signal<ReservationHistory['reservations']>([]);
  protected readonly pending = signal<Pending | null>(null);
  protected reason = '';
  /** With an override: bill the « Majoration hors délai »? Off by default (the town's agent books). */
  protected lateSurcharge = false;
  protected readonly busy = signal(false);
  protected readonly notice = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  private readonly panel = viewChild<ElementRef<HTMLElement>>('panel');

  constructor() {
    effect(() => {
      const first = this.children()[0];
      if (first && !this.children().some((c) => c.childId === this.childId)) {
        this.childId = first.childId;
        void this.reload();
      }
    });
    void this.families.services().then(
      (s) => this.services.set(s),
      () => undefined,
    );
  }

  protected childName(childId: string): string {
    const c = this.family().children.find((x) => x.childId === childId);
    return c ? `${c.firstName ?? ''} ${c.lastName ?? ''}`.trim() : '';
  }

  protected serviceLabel(code: string): string {
    return this.services().find((s) => s.code === code)?.label ?? code;
  }

  protected shift(days: number): void {
    this.date = addDays(this.date, days);
    void this.reload();
  }

  protected async reload(): Promise<void> {
    if (!this.childId || !this.date) return;
    const familyId = this.family().familyId;
    try {
      const [week, history] = await Promise.all([
        this.families.week(familyId, this.childId, this.date),
        this.families.history(familyId, addDays(this.date, -62), addDays(this.date, 62)),
      ]);
      this.week.set(week);
      this.history.set(history.reservations);
    } catch (error) {
      this.error.set(toApiError(error, this.common).title);
    }
  }

  /** The planning is a read model, a few milliseconds behind the decision: read it again until it shows it (3 s at most). */
  private async reloadUntilShown(done: Pending): Promise<void> {
    const shown = (cell: PeriodCell | undefined) =>
      !!cell &&
      (done.action === 'book'
        ? cell.state !== 'free' && cell.state !== 'past_deadline'
        : done.action === 'cancel'
          ? cell.state !== 'validated'
          : !!cell.absence);
    for (let attempt = 0; attempt < 12; attempt++) {
      await this.reload();
      const cell = this.week()
        ?.services.find((s) => s.code === done.slot.serviceCode)
        ?.days.find((d) => d.date === done.slot.date);
      if (shown(cell)) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  protected canBook(cell: PeriodCell): boolean {
    return cell.state === 'free' || cell.state === 'past_deadline' || cell.state === 'full';
  }

  protected open(action: Action, serviceCode: string, cell: PeriodCell): void {
    this.reason = '';
    this.lateSurcharge = false;
    this.error.set(null);
    this.notice.set(null);
    this.pending.set({
      action,
      slot: { childId: this.childId, serviceCode, date: cell.date },
      label: this.t.families.act.actionsFor(this.serviceLabel(serviceCode), longDayWithYear(cell.date)),
      override: action === 'book' && cell.state === 'past_deadline',
    });
    setTimeout(() => this.panel()?.nativeElement.focus());
  }

  protected async confirm(): Promise<void> {
    const pending = this.pending();
    if (!pending) return;
    const familyId = this.family().familyId;
    const reason = this.reason.trim();
    this.busy.set(true);
    this.error.set(null);
    try {
      if (pending.action === 'book') {
        const result = await this.families.book(familyId, pending.slot, pending.override ? { reason, lateSurcharge: this.lateSurcharge } : null);
        const line = result.lines.find((l) => l.serviceCode === pending.slot.serviceCode && l.date === pending.slot.date && l.childId === pending.slot.childId);
        this.notice.set(line?.message ?? '');
      } else if (pending.action === 'cancel') {
        await this.families.cancel(familyId, pending.slot, reason);
        this.notice.set(this.t.families.act.cancelled);
      } else {
        await this.families.declareAbsence(familyId, pending.slot, reason);
        this.notice.set(this.t.families.act.absenceDeclared);
      }
      this.pending.set(null);
      await this.reloadUntilShown(pending);
    } catch (error) {
      const apiError = toApiError(error, this.common);
      this.error.set([apiError.title, ...Object.values(apiError.fieldErrors).flat()].join(' '));
    } finally {
      this.busy.set(false);
    }
  }

  protected reasonRequired(p: Pending): boolean {
    return p.action !== 'book' || p.override;
  }
}
