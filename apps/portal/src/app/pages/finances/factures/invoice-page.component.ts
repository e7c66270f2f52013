import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { API } from '../../../core/api';
import { toApiError } from '../../../core/api-error';
import { MESSAGES } from '../../../i18n/messages';
import { BO_MESSAGES } from '../../../i18n/back-office/back-office-messages';
import { BackOfficeContext } from '../../../back-office/shell/back-office-context';
import { euros, numericDate } from '../../../shared/formats';
import { FinanceInvoicesService, type FinanceInvoice } from './finance-invoices.service';
import { InvoiceActionsComponent } from './invoice-actions.component';

/** /finances/factures/:invoiceId: the invoice with its lines, credit notes, payments, PDF; the régie's acts on it. */
@Component({
  selector: 'ard-finance-invoice-page',
  imports: [RouterLink, MatButtonModule, InvoiceActionsComponent],
  templateUrl: './invoice-page.component.html',
  styles: `
    .invoice-facts {
      display: grid;
      grid-template-columns: max-content auto;
      gap: 0.25rem 1.5rem;
      margin: 0 0 1rem;
    }
    .invoice-facts dt {
      font-weight: 600;
    }
    .invoice-facts dd {
      margin: 0;
      text-align: left;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FinanceInvoicePageComponent {
  protected readonly t = inject(BO_MESSAGES);
  private readonly common = inject(MESSAGES);
  protected readonly context = inject(BackOfficeContext);
  private readonly invoices = inject(FinanceInvoicesService);
  protected readonly api = API;
  protected readonly euros = euros;
  protected readonly numericDate = numericDate;

  readonly invoiceId = input.required<string>();
  protected readonly invoice = signal<FinanceInvoice | null>(null);
  protected readonly error = signal<string | null>(null);

  constructor() {
    effect(() => void this.load(this.invoiceId()));
  }

  protected async load(invoiceId = this.invoiceId()): Promise<void> {
    this.error.set(null);
    try {
      this.invoice.set(await this.invoices.invoice(invoiceId));
    } catch (error) {
      this.error.set(toApiError(error, this.common).title);
    }
  }
}
