import { ChangeDetectionStrategy, Component, ElementRef, afterRenderEffect, computed, effect, inject, input, signal, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { ExplainedEvent, InvoiceExplanation } from '@ardoise/contracts';
import { API } from '../../../core/api';
import { toApiError } from '../../../core/api-error';
import { MESSAGES } from '../../../i18n/messages';
import { BO_MESSAGES } from '../../../i18n/back-office/back-office-messages';
import { BackOfficeContext } from '../../../back-office/shell/back-office-context';
import { euros, shortInstant, numericDate } from '../../../shared/formats';
import { FinanceInvoicesService } from './finance-invoices.service';
import { EventPanelComponent } from './event-panel.component';

/**
 * /finances/factures/:invoiceId/pourquoi: « Pourquoi ce montant ? ». Each line with the rule
 * applied, the tariff version and the QF, and for each day billed the events of the log that
 * make it; `?evenement=<id>` opens one of them in a panel (a link that can be shared).
 */
@Component({
  selector: 'ard-invoice-explanation-page',
  imports: [RouterLink, MatButtonModule, EventPanelComponent],
  templateUrl: './explanation-page.component.html',
  styles: `
    .line {
      border-top: 1px solid #ccd;
      padding-top: 0.5rem;
      margin-top: 1.5rem;
    }
    .facts {
      display: grid;
      grid-template-columns: max-content auto;
      gap: 0.25rem 1.5rem;
      margin: 0.5rem 0;
    }
    .facts dt {
      font-weight: 600;
    }
    .facts dd {
      margin: 0;
    }
    .decisive {
      font-weight: 600;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvoiceExplanationPageComponent {
  protected readonly t = inject(BO_MESSAGES);
  private readonly common = inject(MESSAGES);
  protected readonly context = inject(BackOfficeContext);
  private readonly invoices = inject(FinanceInvoicesService);
  protected readonly euros = euros;
  protected readonly numericDate = numericDate;
  protected readonly shortInstant = shortInstant;
  protected readonly api = API;

  readonly invoiceId = input.required<string>();
  /** `?evenement=`: the event opened in the panel. */
  readonly evenement = input<string>();
  protected readonly explanation = signal<InvoiceExplanation | null>(null);
  protected readonly error = signal<string | null>(null);

  /** Every event the page shows, by id (the panel opens one of them). */
  private readonly events = computed(() => {
    const e = this.explanation();
    const all = new Map<string, ExplainedEvent>();
    if (!e) return all;
    if (e.issuedEvent) all.set(e.issuedEvent.eventId, e.issuedEvent);
    for (const line of e.lines) {
      if (line.tariff.event) all.set(line.tariff.event.eventId, line.tariff.event);
      if (line.quotient.event) all.set(line.quotient.event.eventId, line.quotient.event);
      for (const day of line.dates) for (const event of day.events) all.set(event.eventId, event);
    }
    return all;
  });
  protected readonly opened = computed(() => {
    const id = this.evenement();
    return id ? (this.events().get(id) ?? null) : null;
  });
  protected readonly missing = computed(() => !!this.evenement() && !!this.explanation() && !this.opened());
  private readonly panel = viewChild(EventPanelComponent, { read: ElementRef });

  constructor() {
    effect(() => void this.load(this.invoiceId()));
    // Keyboard users land on the panel when it opens.
    afterRenderEffect(() => {
      const id = this.opened()?.eventId;
      const element = this.panel()?.nativeElement as HTMLElement | undefined;
      if (id && element) element.querySelector<HTMLElement>('h2')?.focus();
    });
  }

  private async load(invoiceId: string): Promise<void> {
    this.error.set(null);
    try {
      this.explanation.set(await this.invoices.explanation(invoiceId));
    } catch (error) {
      this.error.set(toApiError(error, this.common).title);
    }
  }
}
