import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { API } from '../../../core/api';
import { toApiError } from '../../../core/api-error';
import { MESSAGES } from '../../../i18n/messages';
import { BO_MESSAGES } from '../../../i18n/back-office/back-office-messages';
import { BackOfficeContext } from '../../../back-office/shell/back-office-context';
import { euros, shortInstant, numericDate, today } from '../../../shared/formats';
import { FinancePaymentsService, type FinanceFile, type Mandate } from './finance-payments.service';

/** Direct debits: make the pain.008 file for a due date, download the files made, the families' mandates. */
@Component({
  selector: 'ard-direct-debits-panel',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <section aria-labelledby="debits-heading" data-testid="direct-debits">
      <h2 id="debits-heading">{{ t.debits.heading }}</h2>
      <div role="status">
        @if (made(); as m) {
          <p class="bo-ok">
            {{ t.debits.generated(m.count, euros(m.totalCents)) }}
            <a [href]="api + '/finance/files/' + m.fileId" download>{{ t.debits.download(m.fileName) }}</a>
          </p>
          @if (m.report.length) {
            <p>{{ t.debits.skipped }}</p>
            <ul>
              @for (line of m.report; track line) {
                <li>{{ line }}</li>
              }
            </ul>
          }
        }
      </div>
      @if (error(); as e) {
        <p class="bo-error" role="alert">{{ e }}</p>
      }
      @if (context.canWrite()) {
        <p>{{ t.debits.intro }}</p>
        <form class="bo-toolbar-row" (ngSubmit)="collect()">
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>{{ t.debits.dueDate }}</mat-label>
            <input matInput type="date" name="dueDate" required [(ngModel)]="dueDate" />
          </mat-form-field>
          <button mat-flat-button type="submit">{{ t.debits.generate }}</button>
        </form>
      }
      <h3 id="files-heading">{{ t.debits.filesHeading }}</h3>
      @if (files().length) {
        <table class="bo-simple-table" aria-labelledby="files-heading">
          <thead>
            <tr>
              <th scope="col">{{ t.debits.fileColumns.createdAt }}</th>
              <th scope="col">{{ t.debits.fileColumns.name }}</th>
              <th scope="col">{{ t.debits.fileColumns.kind }}</th>
              <th scope="col" class="num">{{ t.debits.fileColumns.count }}</th>
              <th scope="col" class="num">{{ t.debits.fileColumns.total }}</th>
            </tr>
          </thead>
          <tbody>
            @for (f of files(); track f.fileId) {
              <tr>
                <td>{{ shortInstant(f.createdAt) }}</td>
                <td>
                  <a [href]="api + '/finance/files/' + f.fileId" download>{{ f.fileName }}</a>
                </td>
                <td>{{ t.debits.kinds[f.kind] ?? f.kind }}</td>
                <td class="num">{{ f.summary.count ?? '' }}</td>
                <td class="num">{{ f.summary.totalCents === undefined ? '' : euros(f.summary.totalCents) }}</td>
              </tr>
            }
          </tbody>
        </table>
      } @else {
        <p>{{ t.debits.noFile }}</p>
      }

      <h3 id="mandates-heading">{{ t.mandates.heading }}</h3>
      <p class="no-print">
        <a mat-stroked-button [href]="api + '/finance/mandates?format=csv'" download>{{ t.mandates.csv }}</a>
      </p>
      @if (mandates().length) {
        <table class="bo-simple-table" aria-labelledby="mandates-heading" data-testid="mandates">
          <thead>
            <tr>
              <th scope="col">{{ t.mandates.columns.family }}</th>
              <th scope="col">{{ t.mandates.columns.reference }}</th>
              <th scope="col">{{ t.mandates.columns.signedOn }}</th>
              <th scope="col">{{ t.mandates.columns.state }}</th>
            </tr>
          </thead>
          <tbody>
            @for (m of mandates(); track m.familyId) {
              <tr>
                <td>{{ m.familyName ?? '—' }}</td>
                <td>{{ m.mandateReference }}</td>
                <td>{{ numericDate(m.signedOn) }}</td>
                <td>
                  <span class="bo-badge">{{ m.active ? t.mandates.active : t.mandates.revoked(numericDate(m.revokedOn)) }}</span>
                </td>
              </tr>
            }
          </tbody>
        </table>
      } @else {
        <p>{{ t.mandates.none }}</p>
      }
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DirectDebitsPanelComponent {
  protected readonly t = inject(BO_MESSAGES).financePayments;
  private readonly common = inject(MESSAGES);
  protected readonly context = inject(BackOfficeContext);
  private readonly payments = inject(FinancePaymentsService);
  protected readonly api = API;
  protected readonly euros = euros;
  protected readonly shortInstant = shortInstant;
  protected readonly numericDate = numericDate;
  protected dueDate = today();
  protected readonly files = signal<FinanceFile[]>([]);
  protected readonly mandates = signal<Mandate[]>([]);
  protected readonly made = signal<{ fileId: string; fileName: string; count: number; totalCents: number; report: string[] } | null>(null);
  protected readonly error = signal<string | null>(null);

  constructor() {
    void this.load();
  }

  protected async collect(): Promise<void> {
    this.error.set(null);
    try {
      this.made.set(await this.payments.collectDirectDebits(this.dueDate));
      await this.load();
    } catch (error) {
      this.error.set(toApiError(error, this.common).title);
    }
  }

  private async load(): Promise<void> {
    try {
      const [files, mandates] = await Promise.all([this.payments.files(), this.payments.mandates()]);
      this.files.set(files);
      this.mandates.set(mandates);
    } catch (error) {
      this.error.set(toApiError(error, this.common).title);
    }
  }
}
