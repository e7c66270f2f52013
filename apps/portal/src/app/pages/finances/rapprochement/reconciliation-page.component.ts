import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { BalanceView, CollectionSummary, ReconciliationReport } from '@ardoise/contracts';
import { toApiError } from '../../../core/api-error';
import { euros, shortInstant, longDayWithYear, numericDate, today, monthName } from '../../../shared/formats';
import { BO_MESSAGES } from '../../../i18n/back-office/back-office-messages';
import { MESSAGES } from '../../../i18n/messages';
import { ReconciliationService } from './reconciliation.service';

const FIELDS: (keyof BalanceView)[] = ['issuedCents', 'creditedCents', 'paidCents', 'refundedCents', 'outstandingCents'];

/**
 * /finances/rapprochement: issued − credited − paid + refunded = outstanding at a past date,
 * from the read models and from the events, with the events behind any difference; then the
 * régie's monthly collection summary for the public accountant (CSV, printable).
 */
@Component({
  selector: 'ard-reconciliation-page',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  templateUrl: './reconciliation-page.component.html',
  styles: `
    section {
      margin-top: 1.5rem;
    }
    .links {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem;
    }
    code {
      font-size: 0.8125rem;
      word-break: break-all;
    }
    @media print {
      .summary {
        break-before: page;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReconciliationPageComponent {
  protected readonly t = inject(BO_MESSAGES);
  private readonly common = inject(MESSAGES);
  private readonly service = inject(ReconciliationService);
  protected readonly euros = euros;
  protected readonly shortInstant = shortInstant;
  protected readonly numericDate = numericDate;
  protected readonly fields = FIELDS;

  protected asOf = today();
  protected month = today().slice(0, 7);
  protected readonly report = signal<ReconciliationReport | null>(null);
  protected readonly summary = signal<CollectionSummary | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly checkedDay = signal(this.asOf);
  protected readonly csvFamilies = computed(() => this.service.reconciliationCsvUrl(this.checkedDay(), 'families'));
  protected readonly csvDifferences = computed(() => this.service.reconciliationCsvUrl(this.checkedDay(), 'differences'));
  protected readonly csvSummary = computed(() => this.service.collectionSummaryCsvUrl(this.summary()?.month ?? this.month));

  constructor() {
    void this.check();
    void this.showSummary();
  }

  protected longDayWithYear(day: string): string {
    return longDayWithYear(day);
  }

  protected monthName(month: string): string {
    return monthName(month);
  }

  protected async check(): Promise<void> {
    await this.attempt(async () => {
      const day = this.asOf;
      this.report.set(await this.service.reconcile(day));
      this.checkedDay.set(day);
    });
  }

  protected async showSummary(): Promise<void> {
    await this.attempt(async () => this.summary.set(await this.service.collectionSummary(this.month)));
  }

  protected print(): void {
    window.print();
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
