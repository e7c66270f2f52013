import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatTableModule } from '@angular/material/table';
import type { ServiceView } from '@ardoise/contracts';
import { toApiError } from '../../../core/api-error';
import { BO_MESSAGES } from '../../../i18n/back-office/back-office-messages';
import { MESSAGES } from '../../../i18n/messages';
import { addDays } from '../../../shared/dates';
import { longDay, shortInstant, today } from '../../../shared/formats';
import { BackOfficeContext } from '../../../back-office/shell/back-office-context';
import { OpeningsPanelComponent } from './openings-panel.component';
import { WaitingListsService, type Promotion, type WaitingChild, type WaitingDay } from './waiting-lists.service';

/** /gestion/listes-attente: per prestation and day, the queue in order, promotions and their e-mails; the holiday openings. */
@Component({
  selector: 'ard-waiting-lists-page',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatTableModule, OpeningsPanelComponent],
  templateUrl: './waiting-lists-page.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WaitingListsPageComponent {
  protected readonly t = inject(BO_MESSAGES);
  private readonly common = inject(MESSAGES);
  private readonly api = inject(WaitingListsService);
  protected readonly context = inject(BackOfficeContext);
  protected readonly longDay = longDay;
  protected readonly shortInstant = shortInstant;
  protected readonly dayColumns = ['date', 'validated', 'waitlisted', 'free', 'actions'];

  protected readonly services = signal<ServiceView[]>([]);
  protected readonly code = signal('');
  protected readonly from = signal(today());
  protected readonly to = signal(addDays(today(), 90));
  protected readonly days = signal<WaitingDay[] | null>(null);
  protected readonly day = signal<string | null>(null);
  protected readonly queue = signal<WaitingChild[]>([]);
  protected readonly promotions = signal<Promotion[]>([]);
  protected readonly message = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);

  constructor() {
    void this.attempt(async () => {
      const services = (await this.api.services()).filter((s) => s.dailyCapacity !== null);
      this.services.set(services);
      if (services[0]) {
        this.code.set(services[0].code);
        await this.show();
      }
    });
  }

  protected name(child: { firstName: string | null; lastName: string | null }): string {
    return [child.firstName, child.lastName].filter(Boolean).join(' ') || '—';
  }

  protected async show(): Promise<void> {
    await this.attempt(async () => {
      this.day.set(null);
      this.days.set(await this.api.days(this.code(), this.from(), this.to()));
    });
  }

  protected async openDay(date: string): Promise<void> {
    await this.attempt(async () => {
      this.day.set(date);
      const [queue, promotions] = await Promise.all([this.api.queue(this.code(), date), this.api.promotions(this.code(), date)]);
      this.queue.set(queue);
      this.promotions.set(promotions);
    });
  }

  protected async promote(reservationId: string | null): Promise<void> {
    const date = this.day();
    if (!date) return;
    await this.attempt(async () => {
      const { promoted } = await this.api.promote(this.code(), date, reservationId);
      this.message.set(this.t.waitingLists.promoted(promoted.length));
      await this.openDay(date);
      this.days.set(await this.api.days(this.code(), this.from(), this.to()));
    });
  }

  private async attempt(action: () => Promise<void>): Promise<void> {
    this.error.set(null);
    try {
      await action();
    } catch (error) {
      this.error.set(toApiError(error, this.common).title);
    }
  }
}
