import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { RequestThreadView } from '@ardoise/contracts';
import { API } from '../../../core/api';
import { toApiError } from '../../../core/api-error';
import { BO_MESSAGES } from '../../../i18n/back-office/back-office-messages';
import { MESSAGES } from '../../../i18n/messages';
import { shortInstant } from '../../../shared/formats';
import { BackOfficeContext } from '../../../back-office/shell/back-office-context';
import { RequestsInboxService } from './requests-inbox.service';

/** One request: the messages and files, a reply (e-mailed to the family), a file, close/reopen, and a QF proof turned into the quotient. */
@Component({
  selector: 'ard-request-thread',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  templateUrl: './request-thread.component.html',
  styles: `
    .message {
      border-left: 4px solid #c4c7c5;
      padding: 0.25rem 0.75rem;
      margin: 0.5rem 0;
      white-space: pre-wrap;
    }
    .message.staff {
      border-color: #0b57d0;
    }
    textarea {
      min-height: 6rem;
    }
    .wide {
      width: min(40rem, 100%);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RequestThreadComponent {
  protected readonly t = inject(BO_MESSAGES);
  private readonly common = inject(MESSAGES);
  private readonly api = inject(RequestsInboxService);
  protected readonly context = inject(BackOfficeContext);
  protected readonly shortInstant = shortInstant;
  protected readonly apiPrefix = API;
  readonly requestId = input.required<string>();
  readonly back = output<void>();

  protected readonly thread = signal<RequestThreadView | null>(null);
  protected readonly reply = signal('');
  protected readonly amount = signal<number | null>(null);
  protected readonly validFrom = signal('');
  protected readonly validUntil = signal('');
  protected readonly message = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly fieldErrors = signal<string[]>([]);

  constructor() {
    effect(() => void this.load(this.requestId()));
  }

  private async load(id: string): Promise<void> {
    await this.attempt(async () => this.thread.set(await this.api.thread(id)));
  }

  protected async send(): Promise<void> {
    await this.attempt(async () => {
      await this.api.reply(this.requestId(), this.reply());
      this.reply.set('');
      this.message.set(this.t.requestsInbox.thread.sent);
      await this.load(this.requestId());
    });
  }

  protected async attach(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (!file) return;
    await this.attempt(async () => {
      await this.api.attach(this.requestId(), file);
      input.value = '';
      this.message.set(this.t.requestsInbox.thread.attached);
      await this.load(this.requestId());
    });
  }

  protected async setOpen(open: boolean): Promise<void> {
    await this.attempt(async () => {
      await this.api.setOpen(this.requestId(), open);
      await this.load(this.requestId());
    });
  }

  protected async applyQuotient(): Promise<void> {
    await this.attempt(async () => {
      await this.api.setQuotient(this.requestId(), { amount: Number(this.amount()), validFrom: this.validFrom(), validUntil: this.validUntil() });
      this.message.set(this.t.requestsInbox.thread.quotient.applied);
      await this.load(this.requestId());
    });
  }

  private async attempt(action: () => Promise<void>): Promise<void> {
    this.error.set(null);
    this.fieldErrors.set([]);
    try {
      await action();
    } catch (error) {
      const problem = toApiError(error, this.common);
      this.error.set(problem.title);
      this.fieldErrors.set(Object.values(problem.fieldErrors).flat());
    }
  }
}
