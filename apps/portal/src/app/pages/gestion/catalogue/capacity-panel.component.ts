import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { toApiError } from '../../../core/api-error';
import { BO_MESSAGES } from '../../../i18n/back-office/back-office-messages';
import { MESSAGES } from '../../../i18n/messages';
import { addDays } from '../../../shared/dates';
import { today } from '../../../shared/formats';
import { BackOfficeContext } from '../../../back-office/shell/back-office-context';
import { CatalogueService, type ServiceDetails } from './catalogue.service';

/** How far ahead a raised capacity is offered to the waiting lists. */
const AHEAD_DAYS = 365;

/**
 * Places per day. After a raise, the days ahead with children waiting and places now free
 * are counted, and one button gives them the places (each family gets the usual e-mail).
 */
@Component({
  selector: 'ard-capacity-panel',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <section aria-labelledby="capacity-heading">
      <h3 id="capacity-heading">{{ t.catalogue.capacity.heading }}</h3>
      @if (service().kind === 'canteen') {
        <p>{{ t.catalogue.capacity.canteen }}</p>
      } @else {
        <form class="bo-toolbar-row" (ngSubmit)="save()">
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>{{ t.catalogue.capacity.label }}</mat-label>
            <input matInput type="number" min="1" name="capacity" [(ngModel)]="capacity" [readonly]="!context.canWrite()" />
          </mat-form-field>
          @if (context.canWrite()) {
            <button mat-stroked-button type="submit">{{ t.catalogue.capacity.save }}</button>
          }
        </form>
      }
      @if (offer(); as o) {
        <div class="bo-ok" role="status">
          <p>{{ t.catalogue.capacity.offer(o.days, o.children) }}</p>
          @if (context.canWrite()) {
            <button mat-flat-button type="button" (click)="promote()">{{ t.catalogue.capacity.promote }}</button>
          }
        </div>
      }
      @if (message()) {
        <p class="bo-ok" role="status">{{ message() }}</p>
      }
      @if (error()) {
        <p class="bo-error" role="alert">{{ error() }}</p>
      }
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CapacityPanelComponent {
  protected readonly t = inject(BO_MESSAGES);
  private readonly common = inject(MESSAGES);
  private readonly catalogue = inject(CatalogueService);
  protected readonly context = inject(BackOfficeContext);
  readonly service = input.required<ServiceDetails>();
  readonly changed = output<void>();

  protected readonly capacity = signal<number | null>(null);
  protected readonly offer = signal<{ days: number; children: number } | null>(null);
  protected readonly message = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);

  constructor() {
    effect(() => {
      this.capacity.set(this.service().dailyCapacity);
      this.offer.set(null);
      this.message.set(null);
    });
  }

  private range(): [string, string] {
    const from = today();
    return [from, addDays(from, AHEAD_DAYS)];
  }

  protected async save(): Promise<void> {
    this.error.set(null);
    try {
      const code = this.service().code;
      await this.catalogue.setCapacity(code, this.capacity() ? Number(this.capacity()) : null);
      this.message.set(this.t.catalogue.capacity.saved);
      const { days } = await this.catalogue.waitingDays(code, ...this.range());
      const open = days.filter((d) => d.free > 0);
      const children = open.reduce((sum, d) => sum + Math.min(d.free, d.waitlisted), 0);
      this.offer.set(children > 0 ? { days: open.length, children } : null);
      this.changed.emit();
    } catch (error) {
      this.error.set(toApiError(error, this.common).title);
    }
  }

  protected async promote(): Promise<void> {
    this.error.set(null);
    try {
      const { promoted } = await this.catalogue.promoteRange(this.service().code, ...this.range());
      this.offer.set(null);
      this.message.set(this.t.catalogue.capacity.promoted(promoted));
    } catch (error) {
      this.error.set(toApiError(error, this.common).title);
    }
  }
}
