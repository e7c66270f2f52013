import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { API } from '../../../core/api';
import { toApiError } from '../../../core/api-error';
import { MESSAGES } from '../../../i18n/messages';
import { BO_MESSAGES } from '../../../i18n/back-office/back-office-messages';
import { BackOfficeContext } from '../../../back-office/shell/back-office-context';
import { euros, shortInstant } from '../../../shared/formats';
import { FinancePaymentsService, type PayfipOperation, type RepairRun } from './finance-payments.service';

/** PayFIP operations by state, and the repair job that asks PayFIP again about the pending ones. */
@Component({
  selector: 'ard-payfip-panel',
  imports: [FormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <section aria-labelledby="payfip-heading" data-testid="payfip">
      <h2 id="payfip-heading">{{ t.heading }}</h2>
      <div role="status">
        @if (message(); as m) {
          <p class="bo-ok">{{ m }}</p>
        }
      </div>
      @if (error(); as e) {
        <p class="bo-error" role="alert">{{ e }}</p>
      }
      <p data-testid="payfip-last-repair">
        @if (lastRepair(); as r) {
          {{ t.lastRepair(shortInstant(r.finishedAt), r.checked, r.settled, t.repairBy[r.trigger] ?? r.trigger) }}
          @if (r.error) {
            <span class="bo-badge bo-badge-alert">⚠ {{ t.repairError(r.error) }}</span>
          }
        } @else {
          {{ t.neverRepaired }}
        }
      </p>
      <form class="bo-toolbar-row no-print" (ngSubmit)="load()">
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ t.status }}</mat-label>
          <select matNativeControl name="payfipStatus" [(ngModel)]="status" (ngModelChange)="load()">
            <option value="">{{ t.anyStatus }}</option>
            @for (s of statuses; track s) {
              <option [value]="s">{{ t.statuses[s] }}</option>
            }
          </select>
        </mat-form-field>
        @if (context.canWrite()) {
          <button mat-stroked-button type="button" (click)="repair()">{{ t.repair }}</button>
        }
        <a mat-stroked-button [href]="api + '/finance/payfip/operations?format=csv' + (status ? '&status=' + status : '')" download>{{ t.csv }}</a>
      </form>
      @if (operations().length) {
        <div class="bo-table-wrap">
          <table class="bo-simple-table">
            <caption class="visually-hidden">
              {{
                t.caption
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ t.columns.createdAt }}</th>
                <th scope="col">{{ t.columns.invoice }}</th>
                <th scope="col">{{ t.columns.family }}</th>
                <th scope="col" class="num">{{ t.columns.amount }}</th>
                <th scope="col">{{ t.columns.status }}</th>
                <th scope="col">{{ t.columns.detail }}</th>
              </tr>
            </thead>
            <tbody>
              @for (o of operations(); track o.operationId) {
                <tr>
                  <td>{{ shortInstant(o.createdAt) }}</td>
                  <td>
                    <a [routerLink]="['/finances/factures', o.invoiceId]">{{ o.invoiceNumber }}</a>
                  </td>
                  <td>{{ o.familyName ?? '—' }}</td>
                  <td class="num">{{ euros(o.amountCents) }}</td>
                  <td>
                    <span class="bo-badge" [class.bo-badge-alert]="o.status === 'anomaly'">{{ t.statuses[o.status] ?? o.status }}</span>
                  </td>
                  <td>{{ o.detail ?? '' }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      } @else {
        <p>{{ t.none }}</p>
      }
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PayfipPanelComponent {
  protected readonly t = inject(BO_MESSAGES).financePayments.payfip;
  private readonly common = inject(MESSAGES);
  protected readonly context = inject(BackOfficeContext);
  private readonly payments = inject(FinancePaymentsService);
  protected readonly api = API;
  protected readonly euros = euros;
  protected readonly shortInstant = shortInstant;
  protected readonly statuses = ['pending', 'paid', 'refused', 'abandoned', 'expired', 'anomaly'];
  protected status = '';
  protected readonly operations = signal<PayfipOperation[]>([]);
  protected readonly lastRepair = signal<RepairRun | null>(null);
  protected readonly message = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);

  constructor() {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.error.set(null);
    try {
      const result = await this.payments.payfip(this.status || undefined);
      this.operations.set(result.operations);
      this.lastRepair.set(result.lastRepair);
    } catch (error) {
      this.error.set(toApiError(error, this.common).title);
    }
  }

  protected async repair(): Promise<void> {
    this.error.set(null);
    try {
      const result = await this.payments.repair();
      this.message.set(this.t.repaired(result.checked, result.settled));
      await this.load();
    } catch (error) {
      this.error.set(toApiError(error, this.common).title);
    }
  }
}
