import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatTableModule } from '@angular/material/table';
import type { OutboxDeliveryView, OutboxMailSummary, OutboxMailView } from '@ardoise/contracts';
import { toApiError } from '../../../core/api-error';
import { BO_MESSAGES } from '../../../i18n/back-office/back-office-messages';
import { MESSAGES } from '../../../i18n/messages';
import { BackOfficeContext } from '../../../back-office/shell/back-office-context';
import { shortInstant } from '../../../shared/formats';
import { OutboxService } from './outbox.service';

/** /gestion/courriels: what Ardoise e-mailed, what is held for want of SMTP, and resending it. */
@Component({
  selector: 'ard-outbox-page',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatPaginatorModule, MatTableModule],
  templateUrl: './outbox-page.component.html',
  styles: `
    .mail-text {
      white-space: pre-wrap;
      border: 1px solid #c4c7c5;
      padding: 0.75rem;
      max-width: 60rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutboxPageComponent {
  protected readonly t = inject(BO_MESSAGES);
  private readonly common = inject(MESSAGES);
  private readonly outbox = inject(OutboxService);
  protected readonly context = inject(BackOfficeContext);
  protected readonly shortInstant = shortInstant;
  protected readonly columns = ['createdAt', 'to', 'subject', 'status', 'attempts', 'actions'];

  protected readonly delivery = signal<OutboxDeliveryView | null>(null);
  protected readonly mails = signal<OutboxMailSummary[]>([]);
  protected readonly total = signal(0);
  protected readonly page = signal(1);
  protected readonly pageSize = signal(50);
  protected readonly status = signal('held');
  protected readonly to = signal('');
  protected readonly opened = signal<OutboxMailView | null>(null);
  protected readonly message = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);

  constructor() {
    void this.load();
  }

  protected async load(): Promise<void> {
    await this.attempt(async () => {
      const [delivery, page] = await Promise.all([
        this.outbox.delivery(),
        this.outbox.list({ status: this.status() || undefined, to: this.to().trim() || undefined, page: this.page(), pageSize: this.pageSize() }),
      ]);
      this.delivery.set(delivery);
      this.mails.set(page.items);
      this.total.set(page.total);
    });
  }

  protected search(): void {
    this.page.set(1);
    void this.load();
  }

  protected changePage(event: PageEvent): void {
    this.page.set(event.pageIndex + 1);
    this.pageSize.set(event.pageSize);
    void this.load();
  }

  protected async open(id: string): Promise<void> {
    await this.attempt(async () => this.opened.set(await this.outbox.get(id)));
  }

  protected async resend(id: string): Promise<void> {
    await this.attempt(async () => {
      const { released } = await this.outbox.resend(id);
      this.message.set(this.t.outbox.resent(released));
      await this.load();
    });
  }

  protected async resendAll(): Promise<void> {
    await this.attempt(async () => {
      const { released } = await this.outbox.resendAllHeld();
      this.message.set(this.t.outbox.resent(released));
      await this.load();
    });
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
