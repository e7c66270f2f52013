import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AggregateRepository, CLOCK, currentContext, type Clock } from '#ardoise/commands';
import { DATABASE } from '#ardoise/database';
import { AccountReader, assertCanReadFamily } from '#ardoise/identity';
import { NotFoundError, RuleViolationError } from '#ardoise/kernel';
import { AppConfig } from '#ardoise/runtime';
import { invoiceStream } from '../../domain/invoice-events.js';
import { invoiceDecider, refdetOf } from '../../domain/invoice.decider.js';
import { outstandingOf } from '../../domain/invoice-state.js';
import { PayfipEndpoints } from '../../payments/payfip/payfip-endpoints.js';
import { PAYFIP_SANDBOX_PATH } from '../../payments/payfip/payfip-sandbox.js';
import { returnOrigin, type RequestOrigin } from '../../payments/payfip/return-origin.js';
import type { InvoicingDatabase } from '../../projections/invoicing-database.js';
import { StartPayfipPayment, type PayfipPaymentStarted } from './start-payfip-payment.command.js';

const VALIDITY_MS = 15 * 60_000;

/**
 * Online payment through PayFIP, step by step: create the payment → operation id → the
 * parent is redirected → PayFIP notifies → Ardoise asks for the result → event. Every step
 * is idempotent (one operation settles once), and what PayFIP has not said yet stays
 * pending until the repair job asks again. This is the first step.
 */
@CommandHandler(StartPayfipPayment)
export class StartPayfipPaymentHandler implements ICommandHandler<StartPayfipPayment> {
  constructor(
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
    @Inject(DATABASE) private readonly db: Kysely<InvoicingDatabase>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(PayfipEndpoints) private readonly payfip: PayfipEndpoints,
    @Inject(AccountReader) private readonly accounts: AccountReader,
  ) {}

  execute({ invoiceId, from }: StartPayfipPayment): Promise<PayfipPaymentStarted> {
    return this.start(invoiceId, from);
  }

  async start(invoiceId: string, from: RequestOrigin) {
    const parentBase = returnOrigin(this.config.PUBLIC_URL, from, this.config.publicUrl);
    const { state } = await this.repository.load(invoiceStream(invoiceId), invoiceDecider);
    if (!state.issued) throw new NotFoundError('INVOICE.NOT_FOUND', 'Facture introuvable.');
    assertCanReadFamily(state.issued.familyId);
    const amountCents = outstandingOf(state);
    if (amountCents <= 0) throw new RuleViolationError('INVOICE.NOTHING_DUE', 'Cette facture ne présente aucun reste à payer.');
    const paymentId = randomUUID();
    const operationId = await this.payfip.client.createPayment({
      numcli: this.config.PAYFIP_NUMCLI,
      exer: state.issued.number.slice(0, 4),
      refdet: refdetOf(state.issued.number),
      objet: `Facture ${state.issued.number}`,
      montant: String(amountCents),
      mel: await this.payerEmail(),
      urlnotif: `${this.payfip.notificationBase()}/api/v1/payfip/notifications`,
      urlredirect: `${parentBase}/factures?paiement=${paymentId}`,
      saisie: this.config.PAYFIP_MODE,
    });
    await this.db.insertInto('invoicing_payfip_index').values({ operation_id: operationId, invoice_id: invoiceId, created_at: this.clock.now() }).execute();
    const expiresAt = new Date(this.clock.now().getTime() + VALIDITY_MS).toISOString();
    await this.repository.handle(
      invoiceStream(invoiceId),
      invoiceDecider,
      { type: 'StartPayfipPayment', operationId, paymentId, amountCents, expiresAt },
      currentContext(),
      {
        retriesOnConflict: 3,
      },
    );
    const page = this.config.PAYFIP_PAYMENT_URL ?? `${parentBase}${PAYFIP_SANDBOX_PATH}/paiement`;
    return { operationId, paymentId, amountCents, expiresAt, paymentUrl: `${page}?idop=${operationId}` };
  }

  /** The signed-in user's e-mail, for PayFIP's receipt (identity's accounts; a placeholder when there is none). */
  private async payerEmail(): Promise<string> {
    const email = await this.accounts.accountEmail(currentContext().actor.userId).catch(() => undefined);
    return email ?? 'ne-pas-repondre@ardoise.localhost';
  }
}
