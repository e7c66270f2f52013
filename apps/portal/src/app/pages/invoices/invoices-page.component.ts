import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, OnInit, computed, inject, input, signal } from '@angular/core';
import type { FamilyFileView, FamilyInvoices, InvoiceDetail, InvoiceSummary, PayfipStart } from '@ardoise/contracts';
import { firstValueFrom } from 'rxjs';
import { API } from '../../core/api';
import { toApiError } from '../../core/api-error';
import { SessionService } from '../../core/session.service';
import { MESSAGES } from '../../i18n/messages';
import { monthName, numericDate } from '../../shared/formats';

const PAYMENT_KEY = 'ardoise.paiement';
type Tab = 'current' | 'settled';
type PaymentOutcome = 'checking' | 'paid' | 'refused' | 'abandoned' | 'expired' | 'anomaly' | 'pending';

/**
 * Mes factures (guide step 3): « en cours » and « payées », the PDF, and « Payer en ligne »
 * through PayFIP, whose answer brings the parent back here (?paiement=…) to read the result.
 */
@Component({
  selector: 'ard-invoices-page',
  templateUrl: './invoices-page.component.html',
  styleUrl: './invoices-page.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvoicesPageComponent implements OnInit {
  protected readonly t = inject(MESSAGES);
  /** Polling loops stop once the page is left. */
  private gone = false;
  private readonly onLeave = inject(DestroyRef).onDestroy(() => (this.gone = true));
  protected readonly f = this.t.invoices;
  private readonly http = inject(HttpClient);
  private readonly familyId = inject(SessionService).familyId;
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);
  protected readonly monthName = monthName;
  protected readonly numericDate = numericDate;
  protected readonly api = API;

  /** Query parameter set by PayFIP's return address. */
  readonly paiement = input<string>();

  protected readonly invoices = signal<FamilyInvoices | null>(null);
  protected readonly family = signal<FamilyFileView | null>(null);
  protected readonly tab = signal<Tab>('current');
  protected readonly error = signal<string | null>(null);
  protected readonly paying = signal<string | null>(null);
  protected readonly outcome = signal<{ kind: PaymentOutcome; number: string } | null>(null);

  protected readonly shown = computed(() => this.invoices()?.[this.tab()] ?? []);
  protected readonly directDebit = computed(() => this.family()?.directDebitMandate.signed ?? false);

  async ngOnInit(): Promise<void> {
    await this.load();
    const paymentId = this.paiement();
    if (paymentId) await this.followPayment(paymentId);
  }

  private async load(): Promise<void> {
    try {
      const [invoices, family] = await Promise.all([
        firstValueFrom(this.http.get<FamilyInvoices>(`${API}/families/${this.familyId()}/invoices`)),
        firstValueFrom(this.http.get<FamilyFileView>(`${API}/families/${this.familyId()}`)),
      ]);
      this.invoices.set(invoices);
      this.family.set(family);
    } catch (error) {
      this.error.set(toApiError(error, this.t).title);
    }
  }

  protected canPay(invoice: InvoiceSummary): boolean {
    return !this.directDebit() && invoice.outstandingCents > 0 && (invoice.status === 'issued' || invoice.status === 'partially_paid');
  }

  protected select(tab: Tab, focus = false): void {
    this.tab.set(tab);
    if (focus) this.host.nativeElement.querySelector<HTMLElement>(`#tab-${tab}`)?.focus();
  }

  /** The ARIA tabs keys: left and right arrows move between « En cours » and « Payées ». */
  protected onTabKey(event: KeyboardEvent): void {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight' && event.key !== 'Home' && event.key !== 'End') return;
    event.preventDefault();
    this.select(this.tab() === 'current' ? 'settled' : 'current', true);
  }

  protected async pay(invoice: InvoiceSummary): Promise<void> {
    this.paying.set(invoice.invoiceId);
    this.error.set(null);
    try {
      const start = await firstValueFrom(this.http.post<PayfipStart>(`${API}/invoices/${invoice.invoiceId}/payfip`, {}));
      sessionStorage.setItem(PAYMENT_KEY, JSON.stringify({ paymentId: start.paymentId, invoiceId: invoice.invoiceId, number: invoice.number }));
      window.location.assign(start.paymentUrl);
    } catch (error) {
      this.error.set(toApiError(error, this.t).title);
      this.paying.set(null);
    }
  }

  /** Back from PayFIP: Ardoise learns the result from PayFIP's notification, so ask until it is known (about 15 s). */
  private async followPayment(paymentId: string): Promise<void> {
    const stored = JSON.parse(sessionStorage.getItem(PAYMENT_KEY) ?? 'null') as { paymentId: string; invoiceId: string; number: string } | null;
    if (!stored || stored.paymentId !== paymentId) return;
    this.outcome.set({ kind: 'checking', number: stored.number });
    for (let attempt = 0; attempt < 30; attempt++) {
      try {
        const detail = await firstValueFrom(this.http.get<InvoiceDetail>(`${API}/invoices/${stored.invoiceId}`));
        const operation = detail.payfipOperations.find((o) => o.paymentId === paymentId);
        if (operation && operation.status !== 'pending') {
          sessionStorage.removeItem(PAYMENT_KEY);
          await this.load();
          if (operation.status === 'paid') this.tab.set('settled');
          this.outcome.set({ kind: operation.status, number: stored.number });
          return;
        }
      } catch {
        // Keep asking: the page says it is waiting.
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      if (this.gone) return;
    }
    this.outcome.set({ kind: 'pending', number: stored.number });
  }

  protected outcomeText(kind: PaymentOutcome, number: string): string {
    return kind === 'paid' ? this.f.result.paid(number) : kind === 'checking' ? this.f.result.checking : this.f.result[kind];
  }
}
