import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginator, MatPaginatorModule } from '@angular/material/paginator';
import { MatSort, MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { HttpClient } from '@angular/common/http';
import type { InvoiceSummary } from '@ardoise/contracts';
import { firstValueFrom } from 'rxjs';
import { API } from '../../../core/api';
import { toApiError } from '../../../core/api-error';
import { MESSAGES } from '../../../i18n/messages';
import { BO_MESSAGES } from '../../../i18n/back-office/back-office-messages';
import { BackOfficeContext } from '../../../back-office/shell/back-office-context';
import { euros, numericDate, today } from '../../../shared/formats';
import { staffTableData } from '../../../back-office/table/table-data';
import { centsOf, filterParams, FinanceInvoicesService, type InvoiceFilters } from './finance-invoices.service';

const STATUSES = ['issued', 'partially_paid', 'paid', 'cancelled', 'sent_to_collection'];

/** /finances/factures: every invoice, filtered by month, status, family, amount, overdue; CSV of what is shown. */
@Component({
  selector: 'ard-finance-invoices-page',
  imports: [FormsModule, RouterLink, MatTableModule, MatSortModule, MatPaginatorModule, MatFormFieldModule, MatInputModule, MatButtonModule, MatCheckboxModule],
  templateUrl: './invoices-page.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FinanceInvoicesPageComponent {
  protected readonly t = inject(BO_MESSAGES);
  private readonly common = inject(MESSAGES);
  protected readonly context = inject(BackOfficeContext);
  private readonly invoices = inject(FinanceInvoicesService);
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  protected readonly euros = euros;
  protected readonly numericDate = numericDate;
  protected readonly statuses = STATUSES;
  protected readonly today = today();

  /** The filters are in the address (`?mois=&statut=&famille=&min=&max=&echues=`): Back and a shared link find them again. */
  readonly mois = input<string>();
  readonly statut = input<string>();
  readonly famille = input<string>();
  readonly min = input<string>();
  readonly max = input<string>();
  readonly echues = input<string>();

  protected form = { period: '', status: '', family: '', min: '', max: '', overdue: false };
  protected readonly filters = signal<InvoiceFilters>({});
  protected readonly loaded = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly message = signal<string | null>(null);
  protected readonly csvUrl = computed(() => `${API}/finance/invoices?${filterParams(this.filters()).set('format', 'csv').toString()}`);
  protected readonly columns = ['number', 'family', 'period', 'issuedOn', 'dueDate', 'total', 'paid', 'outstanding', 'status'];
  protected readonly rows = staffTableData<InvoiceSummary>(
    (i) => `${i.number} ${i.familyName ?? ''} ${i.period} ${i.statusLabel}`,
    (i, column) => {
      switch (column) {
        case 'family':
          return i.familyName ?? '';
        case 'total':
          return i.totalCents;
        case 'paid':
          return i.paidCents;
        case 'outstanding':
          return i.outstandingCents;
        case 'status':
          return i.statusLabel;
        default:
          return (i as unknown as Record<string, string | number | null>)[column] ?? '';
      }
    },
  );
  private readonly sort = viewChild(MatSort);
  private readonly paginator = viewChild(MatPaginator);

  constructor() {
    effect(() => {
      this.rows.sort = this.sort() ?? null;
      this.rows.paginator = this.paginator() ?? null;
    });
    effect(() => {
      this.form = {
        period: this.mois() ?? '',
        status: this.statut() ?? '',
        family: this.famille() ?? '',
        min: this.min() ?? '',
        max: this.max() ?? '',
        overdue: this.echues() === 'oui',
      };
      const filters: InvoiceFilters = {
        period: this.form.period || undefined,
        status: this.form.status || undefined,
        family: this.form.family || undefined,
        minCents: this.form.min ? (centsOf(this.form.min) ?? undefined) : undefined,
        maxCents: this.form.max ? (centsOf(this.form.max) ?? undefined) : undefined,
        overdue: this.form.overdue,
      };
      this.filters.set(filters);
      void this.load(filters);
    });
  }

  protected isOverdue(i: InvoiceSummary): boolean {
    return i.outstandingCents > 0 && i.dueDate < this.today && (i.status === 'issued' || i.status === 'partially_paid');
  }

  protected apply(): void {
    for (const amount of [this.form.min, this.form.max]) {
      if (amount.trim() && centsOf(amount) === null) {
        this.error.set(this.t.financeInvoices.filters.badAmount);
        return;
      }
    }
    const f = this.form;
    void this.router.navigate([], {
      queryParams: {
        mois: f.period || null,
        statut: f.status || null,
        famille: f.family.trim() || null,
        min: f.min.trim() || null,
        max: f.max.trim() || null,
        echues: f.overdue ? 'oui' : null,
      },
    });
  }

  protected reset(): void {
    void this.router.navigate([], { queryParams: {} });
  }

  protected async handOverAll(): Promise<void> {
    if (!confirm(this.t.financeInvoices.handOverAllConfirm)) return;
    this.error.set(null);
    try {
      const result = await firstValueFrom(this.http.post<{ count: number; fileName: string }>(`${API}/finance/collections`, {}));
      this.message.set(this.t.financeInvoices.handedOver(result.count, result.fileName));
      await this.load(this.filters());
    } catch (error) {
      this.error.set(toApiError(error, this.common).title);
    }
  }

  private async load(filters: InvoiceFilters): Promise<void> {
    this.error.set(null);
    try {
      this.rows.data = await this.invoices.list(filters);
      this.loaded.set(true);
    } catch (error) {
      this.error.set(toApiError(error, this.common).title);
    }
  }
}
