import { ChangeDetectionStrategy, Component, inject, input, model, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { BO_MESSAGES } from '../../../i18n/back-office/back-office-messages';
import { today } from '../../../shared/formats';
import { centsOf } from '../factures/finance-invoices.service';

/** A payment taken at the régie's desk, as the API records it. */
export interface DeskPayment {
  means: string;
  /** NaN when the amount typed is not one: sent as is, so that the API's message says why. */
  amountCents: number;
  paidOn?: string;
  reference?: string;
}

/**
 * The desk payment's fields (means, amount, date, reference) and its button: the one form of
 * the invoice's page and of the payments page. The parent records the payment, then calls
 * `clear()` once it is recorded (a refused one keeps what was typed).
 */
@Component({
  selector: 'ard-desk-payment-form',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <form class="bo-toolbar-row" (ngSubmit)="submit()">
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ t.financeInvoices.actions.means }}</mat-label>
        <select matNativeControl name="means" [(ngModel)]="chosenMeans">
          @for (m of means(); track m) {
            <option [value]="m">{{ t.financeInvoices.means[m] }}</option>
          }
        </select>
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ t.financeInvoices.actions.amount }}</mat-label>
        <input matInput name="amount" inputmode="decimal" autocomplete="off" required [(ngModel)]="amount" />
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ t.financeInvoices.actions.paidOn }}</mat-label>
        <input matInput type="date" name="paidOn" [(ngModel)]="paidOn" />
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ t.financeInvoices.actions.reference }}</mat-label>
        <input matInput name="reference" autocomplete="off" maxlength="60" [(ngModel)]="reference" />
      </mat-form-field>
      <button mat-flat-button type="submit" [disabled]="busy()">{{ t.financeInvoices.actions.submitPayment }}</button>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeskPaymentFormComponent {
  protected readonly t = inject(BO_MESSAGES);

  /** The means the régie takes at the desk (CESU only where the town accepts it). */
  readonly means = input.required<string[]>();
  readonly busy = input(false);
  /** The amount in euros as typed (`12,50`); the payments page fills it with what is left to pay. */
  readonly amount = model('');
  readonly recorded = output<DeskPayment>();

  protected readonly chosenMeans = signal('cheque');
  protected readonly paidOn = signal(today());
  protected readonly reference = signal('');

  protected submit(): void {
    this.recorded.emit({
      means: this.chosenMeans(),
      amountCents: centsOf(this.amount()) ?? Number.NaN,
      paidOn: this.paidOn() || undefined,
      reference: this.reference().trim() || undefined,
    });
  }

  /** After a recorded payment: the amount and the reference go, the means and the date stay. */
  clear(): void {
    this.amount.set('');
    this.reference.set('');
  }
}
