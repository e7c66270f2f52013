import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { AggregateRepository, CLOCK, currentContext, type Clock } from '#ardoise/commands';
import { DATABASE } from '#ardoise/database';
import { NotFoundError, parisDate } from '#ardoise/kernel';
import { invoiceStream } from '../../domain/invoice-events.js';
import { invoiceDecider } from '../../domain/invoice.decider.js';
import { PayfipEndpoints } from '../../payments/payfip/payfip-endpoints.js';
import type { InvoicingDatabase } from '../../projections/invoicing-database.js';
import { SettlePayfipOperation, type PayfipSettlement } from './settle-payfip-operation.command.js';

/** After expiry, how long PayFIP may still hold a result being written. */
const GRACE_MS = 5 * 60_000;

@CommandHandler(SettlePayfipOperation)
export class SettlePayfipOperationHandler implements ICommandHandler<SettlePayfipOperation> {
  constructor(
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
    @Inject(DATABASE) private readonly db: Kysely<InvoicingDatabase>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PayfipEndpoints) private readonly payfip: PayfipEndpoints,
  ) {}

  async execute({ operationId, expireIfUnknown }: SettlePayfipOperation): Promise<PayfipSettlement> {
    const index = await this.db.selectFrom('invoicing_payfip_index').select('invoice_id').where('operation_id', '=', operationId).executeTakeFirst();
    if (!index) throw new NotFoundError('PAYFIP.UNKNOWN_OPERATION', 'Opération PayFIP inconnue.');
    const invoiceId = String(index.invoice_id);
    const { state } = await this.repository.load(invoiceStream(invoiceId), invoiceDecider);
    const operation = state.payfip.get(operationId);
    if (!operation) return 'pending'; // created, its event not written yet: the repair job comes back
    if (operation.status !== 'pending') return 'settled';
    const detail = await this.payfip.client.paymentDetail(operationId);
    const now = this.clock.now();
    let result: 'P' | 'A' | 'R' | 'expired';
    if (detail) result = detail.resultrans;
    else if (expireIfUnknown && now.getTime() > new Date(operation.expiresAt).getTime() + GRACE_MS) result = 'expired';
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
}
