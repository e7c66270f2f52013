import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { API } from '../../../core/api';
import { toApiError } from '../../../core/api-error';
import { MESSAGES } from '../../../i18n/messages';
import { BO_MESSAGES } from '../../../i18n/back-office/back-office-messages';
import { euros, today } from '../../../shared/formats';
import { DeskPaymentFormComponent, type DeskPayment } from '../desk-payment/desk-payment-form.component';
import { centsOf, FinanceInvoicesService, type FinanceInvoice } from './finance-invoices.service';

type Action = 'payment' | 'credit' | 'corrected' | 'refund' | 'handOver';

/** The régie's acts on one invoice (finance and admin only: the page shows it to them alone, the API checks again). */
@Component({
  selector: 'ard-invoice-actions',
  imports: [FormsModule, RouterLink, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, DeskPaymentFormComponent],
  templateUrl: './invoice-actions.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvoiceActionsComponent {
  protected readonly t = inject(BO_MESSAGES);
  private readonly common = inject(MESSAGES);
  private readonly invoices = inject(FinanceInvoicesService);
  protected readonly api = API;

  readonly invoice = input.required<FinanceInvoice>();
  readonly changed = output<void>();

  protected readonly means = signal<string[]>(['cash', 'cheque']);
  private readonly deskForm = viewChild(DeskPaymentFormComponent);
  protected readonly busy = signal(false);
  protected readonly done = signal<string | null>(null);
  protected readonly correctionId = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly fieldErrors = signal<string[]>([]);

  protected credit = { amount: '', whole: false, reason: '' };
  protected corrected = { reason: '' };
  protected refund = { amount: '', reason: '' };

  /** Which acts make sense for the invoice as it stands (the API refuses the others anyway). */
  protected readonly possible = computed(() => {
    const i = this.invoice();
    const open = i.status === 'issued' || i.status === 'partially_paid';
    return {
      payment: open && i.outstandingCents > 0,
      credit: i.status !== 'cancelled' && i.status !== 'sent_to_collection' && i.creditedCents < i.totalCents,
      corrected: i.status !== 'sent_to_collection' && i.paidCents - i.refundedCents <= 0 && i.creditedCents < i.totalCents,
      refund: i.outstandingCents < 0,
      handOver: open && i.outstandingCents > 0 && i.dueDate < today(),
    };
  });

  constructor() {
    void this.invoices.deskMeans().then(
      (m) => this.means.set(m),
      () => undefined,
    );
  }

  protected submitPayment(payment: DeskPayment): Promise<void> {
    return this.act('payment', async (id) => {
      const result = await this.invoices.deskPayment(id, payment);
      this.deskForm()?.clear();
      return this.t.financeInvoices.actions.paymentDone(euros(result.outstandingCents));
    });
  }

  protected submitCredit(): Promise<void> {
    return this.act('credit', async (id) => {
      const body = this.credit.whole
        ? { whole: true, reason: this.credit.reason }
        : { amountCents: this.amount(this.credit.amount), reason: this.credit.reason };
      const result = await this.invoices.creditNote(id, body);
      this.credit = { amount: '', whole: false, reason: '' };
      return this.t.financeInvoices.actions.creditDone(result.creditNote?.number ?? null);
    });
  }

  protected submitCorrected(): Promise<void> {
    return this.act('corrected', async (id) => {
      const result = await this.invoices.creditNote(id, { whole: true, reissue: true, reason: this.corrected.reason });
      this.correctionId.set(result.correction?.invoiceId ?? null);
      return this.t.financeInvoices.actions.correctedDone;
    });
  }

  protected submitRefund(): Promise<void> {
    return this.act('refund', async (id) => {
      await this.invoices.refund(id, { amountCents: this.amount(this.refund.amount), reason: this.refund.reason });
      this.refund = { amount: '', reason: '' };
      return this.t.financeInvoices.actions.refundDone;
    });
  }

  protected submitHandOver(): Promise<void> {
    if (!confirm(this.t.financeInvoices.actions.handOverConfirm)) return Promise.resolve();
    return this.act('handOver', async (id) => this.t.financeInvoices.actions.handOverDone((await this.invoices.handOver(id)).fileName));
  }

  /** An amount typed in euros; a wrong one is sent as is so that the API's message says why. */
  private amount(text: string): number {
    return centsOf(text) ?? (Number.NaN as number);
  }

  private async act(_action: Action, run: (invoiceId: string) => Promise<string>): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    this.fieldErrors.set([]);
    this.done.set(null);
    this.correctionId.set(null);
    try {
      this.done.set(await run(this.invoice().invoiceId));
      this.changed.emit();
    } catch (error) {
      const apiError = toApiError(error, this.common);
      this.error.set(apiError.title);
      this.fieldErrors.set(Object.values(apiError.fieldErrors).flat());
    } finally {
      this.busy.set(false);
    }
  }
}
