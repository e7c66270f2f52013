import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { toApiError } from '../../../core/api-error';
import { BO_MESSAGES } from '../../../i18n/back-office/back-office-messages';
import { MESSAGES } from '../../../i18n/messages';
import { fullDate, shortDay, shortInstant } from '../../../shared/formats';
import { BackOfficeContext } from '../../../back-office/shell/back-office-context';
import { WaitingListsService, type AllocationResult, type Opening } from './waiting-lists.service';

/** A prestation's holiday openings: the request window, the allocation run and its result (re-runnable, same result). */
@Component({
  selector: 'ard-openings-panel',
  imports: [MatButtonModule],
  templateUrl: './openings-panel.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OpeningsPanelComponent {
  protected readonly t = inject(BO_MESSAGES);
  private readonly common = inject(MESSAGES);
  private readonly api = inject(WaitingListsService);
  protected readonly context = inject(BackOfficeContext);
  protected readonly fullDate = fullDate;
  protected readonly shortDay = shortDay;
  protected readonly shortInstant = shortInstant;
  readonly serviceCode = input.required<string>();

  protected readonly openings = signal<Opening[]>([]);
  protected readonly result = signal<AllocationResult | null>(null);
  protected readonly message = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);

  constructor() {
    effect(() => {
      const code = this.serviceCode();
      this.result.set(null);
      void this.attempt(async () => this.openings.set(await this.api.openings(code)));
    });
  }

  protected priorities(opening: Opening): string {
    return opening.priorities.map((p) => this.t.waitingLists.openings.priorities[p] ?? p).join(', ');
  }

  protected reasons(family: AllocationResult['families'][number]): string {
    const o = this.t.waitingLists.openings;
    return [family.siblings ? o.reasonSiblings : '', family.fullPeriod ? o.reasonFull : '', o.reasonDraw(family.draw)].filter(Boolean).join(', ');
  }

  protected async run(opening: Opening): Promise<void> {
    await this.attempt(async () => {
      const ran = await this.api.allocate(this.serviceCode(), opening.openingId);
      this.message.set(this.t.waitingLists.openings.ran(ran.validated, ran.waitlisted));
      await this.show(opening);
    });
  }

  protected async show(opening: Opening): Promise<void> {
    await this.attempt(async () => this.result.set(await this.api.allocation(this.serviceCode(), opening.openingId)));
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
