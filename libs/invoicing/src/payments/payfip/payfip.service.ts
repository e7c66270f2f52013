import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { AggregateRepository, CLOCK, currentContext, runInContext, systemContext, type Clock } from '#ardoise/commands';
import { DATABASE } from '#ardoise/database';
import { assertCanReadFamily } from '#ardoise/identity';
import { AppError, NotFoundError, RuleViolationError, parisDate } from '#ardoise/kernel';
import { AppConfig, LOGGER } from '#ardoise/runtime';
import { invoiceStream } from '../../domain/invoice-events.js';
import { invoiceDecider, refdetOf } from '../../domain/invoice.decider.js';
import { outstandingOf } from '../../domain/invoice-state.js';
import { PAYFIP_OPERATIONS_TABLE } from '../../projections/finance.tables.js';
import { PayfipClient } from './payfip-client.js';
import { PAYFIP_SANDBOX_PATH } from './payfip-sandbox.js';
import { returnOrigin, type RequestOrigin } from './return-origin.js';

const VALIDITY_MS = 15 * 60_000;
/** After expiry, how long PayFIP may still hold a result being written. */
const GRACE_MS = 5 * 60_000;

/**
 * Online payment through PayFIP, step by step: create the payment → operation id → the
 * parent is redirected → PayFIP notifies → Ardoise asks for the result → event. Every step
 * is idempotent (one operation settles once), and what PayFIP has not said yet stays
 * pending until the repair job asks again.
 */
@Injectable()
export class PayfipService {
  readonly client: PayfipClient;

  constructor(
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
    @Inject(DATABASE) private readonly db: Kysely<any>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(HttpAdapterHost) private readonly http: HttpAdapterHost,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.client = new PayfipClient(() => this.config.PAYFIP_ENDPOINT ?? `${this.localBase()}${PAYFIP_SANDBOX_PATH}/ws`);
  }

  /** This process's own address (the double is served here when no PayFIP is configured). */
  localBase(): string {
    const address = this.http.httpAdapter?.getHttpServer()?.address();
    const port = typeof address === 'object' && address ? address.port : this.config.PORT;
    return `http://127.0.0.1:${port}`;
  }

  /** Where PayFIP notifies Ardoise: server to server, this process when no PUBLIC_URL is set. */
  private notificationBase(): string {
    return this.config.PUBLIC_URL ? this.config.publicUrl : this.localBase();
  }

  /**
   * `from`: where the parent's browser is (the request's origin), so that the payment page
   * and the way back are on the origin whose session cookie signs them in (see returnOrigin).
   */
  async start(invoiceId: string, from: RequestOrigin = {}) {
    const parentBase = returnOrigin(this.config.PUBLIC_URL, from, this.config.publicUrl);
    const { state } = await this.repository.load(invoiceStream(invoiceId), invoiceDecider);
    if (!state.issued) throw new NotFoundError('INVOICE.NOT_FOUND', 'Facture introuvable.');
    assertCanReadFamily(state.issued.familyId);
    const amountCents = outstandingOf(state);
    if (amountCents <= 0) throw new RuleViolationError('INVOICE.NOTHING_DUE', 'Cette facture ne présente aucun reste à payer.');
    const paymentId = randomUUID();
    const operationId = await this.client.createPayment({
      numcli: this.config.PAYFIP_NUMCLI,
      exer: state.issued.number.slice(0, 4),
      refdet: refdetOf(state.issued.number),
      objet: `Facture ${state.issued.number}`,
      montant: String(amountCents),
      mel: await this.payerEmail(),
      urlnotif: `${this.notificationBase()}/api/v1/payfip/notifications`,
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

  /** PayFIP says something happened to an operation: ask it what, and record it (once). */
  async settle(operationId: string, options: { expireIfUnknown?: boolean } = {}): Promise<'paid' | 'failed' | 'anomaly' | 'pending' | 'settled'> {
    const index = await this.db.selectFrom('invoicing_payfip_index').select('invoice_id').where('operation_id', '=', operationId).executeTakeFirst();
    if (!index) throw new NotFoundError('PAYFIP.UNKNOWN_OPERATION', 'Opération PayFIP inconnue.');
    const invoiceId = String(index.invoice_id);
    const { state } = await this.repository.load(invoiceStream(invoiceId), invoiceDecider);
    const operation = state.payfip.get(operationId);
    if (!operation) return 'pending'; // created, its event not written yet: the repair job comes back
    if (operation.status !== 'pending') return 'settled';
    const detail = await this.client.paymentDetail(operationId);
    const now = this.clock.now();
    let result: 'P' | 'A' | 'R' | 'expired';
    if (detail) result = detail.resultrans;
    else if (options.expireIfUnknown && now.getTime() > new Date(operation.expiresAt).getTime() + GRACE_MS) result = 'expired';
    else return 'pending';
    const paidOn = detail ? `${detail.dattrans.slice(4, 8)}-${detail.dattrans.slice(2, 4)}-${detail.dattrans.slice(0, 2)}` : parisDate(now);
    const outcome = await this.repository.handle(
      invoiceStream(invoiceId),
      invoiceDecider,
      {
        type: 'SettlePayfipOperation',
        operationId,
        result,
        amountCents: detail ? Number(detail.montant) : operation.amountCents,
        refdet: detail?.refdet ?? '',
        paidOn,
        authorisation: detail?.numauto || null,
      },
      currentContext(),
      { retriesOnConflict: 5 },
    );
    const event = outcome.events[0];
    if (!event) return 'settled';
    return event.type === 'PaymentRecorded' ? 'paid' : event.type === 'PayfipPaymentAnomaly' ? 'anomaly' : 'failed';
  }

  /**
   * The repair job: asks again about every operation still pending a minute after it began.
   * Each run is noted (`invoicing_payfip_repair_runs`) so that finance sees when it last ran.
   */
  async repair(trigger: 'schedule' | 'finance' = 'schedule'): Promise<{ checked: number; settled: number }> {
    const startedAt = this.clock.now();
    let outcome: { checked: number; settled: number } | undefined;
    let failure: unknown;
    try {
      outcome = await this.repairPending();
      return outcome;
    } catch (error) {
      failure = error;
      throw error;
    } finally {
      await this.noteRepairRun(trigger, startedAt, outcome, failure).catch((error) => this.logger.warn({ err: String(error) }, 'PayFIP repair run not noted'));
    }
  }

  private async noteRepairRun(trigger: 'schedule' | 'finance', startedAt: Date, outcome: { checked: number; settled: number } | undefined, failure: unknown) {
    const finishedAt = this.clock.now();
    await this.db
      .insertInto('invoicing_payfip_repair_runs')
      .values({
        run_id: randomUUID(),
        trigger,
        started_at: startedAt,
        finished_at: finishedAt,
        checked: outcome?.checked ?? 0,
        settled: outcome?.settled ?? 0,
        error: failure === undefined ? null : failure instanceof AppError ? failure.code : 'Erreur inattendue (voir le journal du serveur)',
      })
      .execute();
    await this.db
      .deleteFrom('invoicing_payfip_repair_runs')
      .where('started_at', '<', new Date(finishedAt.getTime() - 7 * 86_400_000))
      .execute();
  }

  private async repairPending(): Promise<{ checked: number; settled: number }> {
    const pending = await this.db
      .selectFrom(PAYFIP_OPERATIONS_TABLE)
      .select('operation_id')
      .where('status', '=', 'pending')
      .where('created_at', '<', new Date(this.clock.now().getTime() - 60_000))
      .execute();
    let settled = 0;
    for (const { operation_id } of pending) {
      try {
        const outcome = await runInContext(systemContext(), () => this.settle(operation_id, { expireIfUnknown: true }));
        if (outcome !== 'pending') settled += 1;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        this.logger.warn({ operationId: operation_id, code: error.code }, 'PayFIP repair could not settle an operation');
      }
    }
    return { checked: pending.length, settled };
  }

  private async payerEmail(): Promise<string> {
    const row = await this.db
      .selectFrom('accounts')
      .select('email')
      .where('id', '=', currentContext().actor.userId)
      .executeTakeFirst()
      .catch(() => undefined);
    return row?.email ?? 'ne-pas-repondre@ardoise.localhost';
  }
}
