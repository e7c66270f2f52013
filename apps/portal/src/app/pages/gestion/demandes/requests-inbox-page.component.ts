import { ChangeDetectionStrategy, Component, effect, inject, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginator, MatPaginatorModule } from '@angular/material/paginator';
import { MatSort, MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import type { RequestSummaryView } from '@ardoise/contracts';
import { toApiError } from '../../../core/api-error';
import { BO_MESSAGES } from '../../../i18n/back-office/back-office-messages';
import { MESSAGES } from '../../../i18n/messages';
import { staffTableData } from '../../../back-office/table/table-data';
import { RequestThreadComponent } from './request-thread.component';
import { RequestsInboxService } from './requests-inbox.service';

const DAY_MS = 24 * 3600 * 1000;

/** /gestion/demandes: the families' requests, oldest open first; one opens in its thread below. */
@Component({
  selector: 'ard-requests-inbox-page',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatPaginatorModule, MatSortModule, MatTableModule, RequestThreadComponent],
  templateUrl: './requests-inbox-page.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RequestsInboxPageComponent {
  protected readonly t = inject(BO_MESSAGES);
  private readonly common = inject(MESSAGES);
  private readonly api = inject(RequestsInboxService);
  protected readonly columns = ['age', 'subject', 'topic', 'waiting', 'status'];
  protected readonly status = signal('open');
  protected readonly openedId = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly count = signal(0);
  protected readonly rows = staffTableData<RequestSummaryView>(
    (r) => `${r.subject} ${this.t.requestsInbox.topics[r.topic]}`,
    (r, column) => (column === 'age' ? r.openedAt : column === 'subject' ? r.subject : column === 'topic' ? r.topic : r.lastActivityAt),
  );
  private readonly sort = viewChild(MatSort);
  private readonly paginator = viewChild(MatPaginator);

  constructor() {
    effect(() => {
      this.rows.sort = this.sort() ?? null;
      this.rows.paginator = this.paginator() ?? null;
    });
    void this.load();
  }

  protected ageInDays(openedAt: string): number {
    return Math.floor((Date.now() - Date.parse(openedAt)) / DAY_MS);
  }

  protected filter(value: string): void {
    this.rows.filter = value.trim();
  }

  protected async load(): Promise<void> {
    this.error.set(null);
    try {
      // Oldest first: the request waiting longest is answered first.
      this.rows.data = (await this.api.list(this.status())).sort((a, b) => a.openedAt.localeCompare(b.openedAt));
      this.count.set(this.rows.data.length);
    } catch (error) {
      this.error.set(toApiError(error, this.common).title);
    }
  }
}
