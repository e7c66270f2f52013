import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import type { AttendanceStatus, DayList, DayListChild, ServiceView } from '@ardoise/contracts';
import { toApiError } from '../../../core/api-error';
import { MESSAGES } from '../../../i18n/messages';
import { BO_MESSAGES } from '../../../i18n/back-office/back-office-messages';
import { longDayWithYear, today } from '../../../shared/formats';
import { DayService } from '../journee/day.service';
import { AttendanceQueue } from './attendance-queue';
import { UnbookedChildComponent } from './unbooked-child.component';

const BOOKED_MARKS: readonly AttendanceStatus[] = ['present', 'absent', 'excused'];

/**
 * The attendance sheet, made for a tablet in the canteen or the gym: one row per child,
 * large buttons, a few taps. Marks go through the device's queue (AttendanceQueue), so the
 * sheet keeps working when the Wi-Fi drops and says how many marks wait to be sent.
 */
@Component({
  selector: 'ard-attendance-page',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, UnbookedChildComponent],
  templateUrl: './attendance-page.component.html',
  styleUrl: './attendance-page.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AttendancePageComponent {
  protected readonly t = inject(BO_MESSAGES);
  private readonly common = inject(MESSAGES);
  private readonly days = inject(DayService);
  protected readonly queue = inject(AttendanceQueue);
  private readonly router = inject(Router);
  protected readonly longDayWithYear = longDayWithYear;
  protected readonly bookedMarks = BOOKED_MARKS;

  readonly date = input<string>();
  readonly service = input<string>();
  protected chosenDate = today();
  protected chosenService = '';
  protected readonly services = signal<ServiceView[]>([]);
  protected readonly sheet = signal<DayList | null>(null);
  protected readonly error = signal<string | null>(null);

  /** Marks taken on this tablet and not yet sent, over what the server knows. */
  protected readonly rows = computed(() => {
    const sheet = this.sheet();
    this.queue.marks();
    if (!sheet) return [];
    const withMark = (c: DayListChild, booked: boolean) => {
      const waiting = this.queue.latestFor(sheet.serviceCode, sheet.date, c.childId);
      return { child: c, booked, status: waiting?.status ?? c.attendance, waiting: !!waiting };
    };
    const unbookedOnDevice = this.queue
      .marks()
      .filter((m) => m.serviceCode === sheet.serviceCode && m.date === sheet.date && m.status === 'present_unbooked')
      .filter((m) => !sheet.children.some((c) => c.childId === m.childId) && !sheet.presentWithoutBooking.some((c) => c.childId === m.childId));
    return [
      ...sheet.children.map((c) => withMark(c, true)),
      ...sheet.presentWithoutBooking.map((c) => withMark(c, false)),
      ...unbookedOnDevice.map((m) => withMark(this.unbookedNames.get(m.childId) ?? this.unknownChild(m.childId), false)),
    ];
  });
  protected readonly markedCount = computed(() => this.rows().filter((r) => r.status).length);
  private readonly unbookedNames = new Map<string, DayListChild>();

  constructor() {
    void this.days.services().then(
      (services) => {
        this.services.set(services);
        if (!this.chosenService) this.chosenService = services[0]?.code ?? '';
        void this.load();
      },
      (error) => this.error.set(toApiError(error, this.common).title),
    );
    effect(() => {
      const [date, service] = [this.date(), this.service()];
      if (date) this.chosenDate = date;
      if (service) this.chosenService = service;
      void this.load();
    });
    // Once marks reach the server, read the sheet again (another tablet may have marked too).
    effect(() => {
      if (this.queue.delivered() > 0) void this.load();
    });
  }

  protected show(): void {
    void this.router.navigate([], { queryParams: { date: this.chosenDate, service: this.chosenService } });
  }

  protected mark(childId: string, status: AttendanceStatus): void {
    const sheet = this.sheet();
    if (sheet) this.queue.mark(sheet.serviceCode, sheet.date, childId, status);
  }

  protected addUnbooked(child: DayListChild): void {
    this.unbookedNames.set(child.childId, child);
    this.mark(child.childId, 'present_unbooked');
  }

  protected word(status: AttendanceStatus | null): string {
    return status ? this.t.families.attendanceWords[status] : this.t.attendance.notMarked;
  }

  private unknownChild(childId: string): DayListChild {
    return { childId, firstName: null, lastName: null, school: null, className: null, diet: null, attendance: null };
  }

  private async load(): Promise<void> {
    const [service, date] = [this.chosenService, this.chosenDate];
    if (!service || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !navigator.onLine) return;
    try {
      const { list } = await this.days.overview(service, date);
      if (service === this.chosenService && date === this.chosenDate) this.sheet.set(list);
      this.error.set(null);
    } catch (error) {
      // Offline, the sheet already shown stays usable: the marks wait on the device.
      if (!this.sheet()) this.error.set(toApiError(error, this.common).title);
    }
  }
}
