import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginator, MatPaginatorModule } from '@angular/material/paginator';
import { MatSort, MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { InvoiceSummary } from '@ardoise/contracts';
import { API } from '../../../core/api';
import { toApiError } from '../../../core/api-error';
import { MESSAGES } from '../../../i18n/messages';
import { BO_MESSAGES } from '../../../i18n/back-office/back-office-messages';
import { BackOfficeContext } from '../../../back-office/shell/back-office-context';
import { euros, numericDate, today } from '../../../shared/formats';
import { staffTableData } from '../../../back-office/table/table-data';
import { FinanceInvoicesService } from '../factures/finance-invoices.service';
import { DeskPaymentFormComponent, type DeskPayment } from '../desk-payment/desk-payment-form.component';
import { DirectDebitsPanelComponent } from './direct-debits-panel.component';
import { FinancePaymentsService, paymentsParams, type PaymentRow } from './finance-payments.service';
import { PayfipPanelComponent } from './payfip-panel.component';

/** /finances/paiements: desk entry, the payments recorded (rejections of debits), PayFIP, direct debits and mandates. */
@Component({
  selector: 'ard-finance-payments-page',
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatTableModule,
    MatSortModule,
    MatPaginatorModule,
    PayfipPanelComponent,
    DirectDebitsPanelComponent,
    DeskPaymentFormComponent,
  ],
  templateUrl: './payments-page.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FinancePaymentsPageComponent {
  protected readonly t = inject(BO_MESSAGES);
  private readonly common = inject(MESSAGES);
  protected readonly context = inject(BackOfficeContext);
  private readonly payments = inject(FinancePaymentsService);
  private readonly invoices = inject(FinanceInvoicesService);
  protected readonly euros = euros;
  protected readonly numericDate = numericDate;

  protected readonly means = signal<string[]>(['cash', 'cheque']);
  protected readonly allMeans = ['payfip', 'direct_debit', 'cash', 'cheque', 'cesu'];
  protected readonly error = signal<string | null>(null);
  protected readonly message = signal<string | null>(null);

  // Desk entry
  protected deskNumber = '';
  /** What is left to pay on the invoice found, offered as the amount taken. */
  protected readonly deskAmount = signal('');
  private readonly deskForm = viewChild(DeskPaymentFormComponent);
  protected readonly deskInvoice = signal<InvoiceSummary | null>(null);

  // Payments recorded
  protected filter = { from: `${today().slice(0, 7)}-01`, to: today(), means: '' };
  protected readonly csvUrl = signal('');
  protected readonly columns = ['paidOn', 'invoice', 'means', 'amount', 'reference', 'state', 'actions'];
  protected readonly rows = staffTableData<PaymentRow>(
    (p) => `${p.invoiceNumber} ${p.means} ${p.reference ?? ''}`,
    (p, column) =>
      column === 'amount' ? p.amountCents : column === 'invoice' ? p.invoiceNumber : ((p as unknown as Record<string, string | number | null>)[column] ?? ''),
  );
  protected readonly total = computed(() =>
    this.loadedRows()
      .filter((p) => p.status === 'recorded')
      .reduce((s, p) => s + p.amountCents, 0),
  );
  private readonly loadedRows = signal<PaymentRow[]>([]);
  protected rejectCodes: Record<string, string> = {};
  private readonly sort = viewChild(MatSort);
  private readonly paginator = viewChild(MatPaginator);

  constructor() {
    effect(() => {
      this.rows.sort = this.sort() ?? null;
      this.rows.paginator = this.paginator() ?? null;
    });
    void this.invoices.deskMeans().then(
      (m) => this.means.set(m),
      () => undefined,
    );
    void this.show();
  }

  protected async findInvoice(): Promise<void> {
    await this.attempt(async () => {
      const number = this.deskNumber.trim();
      const found = (await this.payments.invoicesNumbered(number)).find((i) => i.number === number) ?? null;
      this.deskInvoice.set(found);
      if (!found) this.error.set(this.t.financePayments.desk.notFound);
      else this.deskAmount.set((found.outstandingCents / 100).toFixed(2).replace('.', ','));
    });
  }

  protected async recordDesk(payment: DeskPayment): Promise<void> {
    const invoice = this.deskInvoice();
    if (!invoice) return;
    await this.attempt(async () => {
      const result = await this.invoices.deskPayment(invoice.invoiceId, payment);
      this.message.set(this.t.financeInvoices.actions.paymentDone(euros(result.outstandingCents)));
      this.deskInvoice.set({ ...invoice, outstandingCents: result.outstandingCents });
      this.deskForm()?.clear();
      await this.refresh();
    });
  }

  protected async show(): Promise<void> {
    await this.attempt(() => this.refresh());
  }

  private async refresh(): Promise<void> {
    const filter = { from: this.filter.from || undefined, to: this.filter.to || undefined, means: this.filter.means || undefined };
    this.csvUrl.set(`${API}/finance/payments?${paymentsParams(filter).set('format', 'csv').toString()}`);
    const rows = await this.payments.payments(filter);
    this.loadedRows.set(rows);
    this.rows.data = rows;
  }

  protected async reject(row: PaymentRow): Promise<void> {
    await this.attempt(async () => {
      await this.invoices.rejectDebit(row.invoiceId, row.paymentId, (this.rejectCodes[row.paymentId] ?? '').trim().toUpperCase());
      this.message.set(this.t.financePayments.list.rejected(row.invoiceNumber));
      await this.refresh();
    });
  }

  private async attempt(action: () => Promise<void>): Promise<void> {
    this.error.set(null);
    this.message.set(null);
    try {
      await action();
    } catch (error) {
      const apiError = toApiError(error, this.common);
      this.error.set([apiError.title, ...Object.values(apiError.fieldErrors).flat()].join(' '));
    }
  }
}
