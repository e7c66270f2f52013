import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import type { BasketLine, LineResult } from '@ardoise/contracts';
import { toApiError } from '../../core/api-error';
import { MESSAGES } from '../../i18n/messages';
import { shortDay } from '../../shared/formats';
import { ReservationsStore } from './reservations.store';

/**
 * Le panier: every child's pending requests, always in sight (a side column on a wide
 * screen, a bar fixed at the bottom of a phone's screen), validated in one go with a result
 * per line.
 */
@Component({
  selector: 'ard-basket',
  templateUrl: './basket.component.html',
  styleUrl: './basket.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BasketComponent {
  protected readonly t = inject(MESSAGES);
  protected readonly b = this.t.reservations.basket;
  protected readonly store = inject(ReservationsStore);
  protected readonly shortDay = shortDay;

  /** On a phone the basket's content folds under its bar. */
  protected readonly open = signal(false);
  protected readonly validating = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly count = computed(() => this.store.basket().length);

  protected readonly groups = computed(() => {
    const byChild = new Map<string, BasketLine[]>();
    for (const line of this.store.basket()) byChild.set(line.childId, [...(byChild.get(line.childId) ?? []), line]);
    return [...byChild].map(([childId, lines]) => ({ childId, name: this.store.childName(childId), lines }));
  });

  protected readonly result = computed(() => {
    const result = this.store.lastResult();
    if (!result) return null;
    const count = (o: LineResult['outcome']) => result.lines.filter((l) => l.outcome === o).length;
    return { lines: result.lines, summary: this.b.summary(count('validated'), count('waitlisted') + count('submitted'), count('rejected')) };
  });

  protected describe(line: BasketLine): string {
    return `${this.store.serviceLabel(line.serviceCode)}, ${shortDay(line.date)}`;
  }

  protected async remove(line: BasketLine): Promise<void> {
    this.error.set(null);
    try {
      await this.store.remove(line.reservationId);
    } catch (error) {
      this.error.set(toApiError(error, this.t).title);
    }
  }

  protected async validate(): Promise<void> {
    this.error.set(null);
    this.validating.set(true);
    try {
      await this.store.validate();
      this.open.set(true);
    } catch (error) {
      this.error.set(toApiError(error, this.t).title);
    } finally {
      this.validating.set(false);
    }
  }
}
