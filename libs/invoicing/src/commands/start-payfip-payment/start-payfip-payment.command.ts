import { Command } from '@nestjs/cqrs';
import type { RequestOrigin } from '../../payments/payfip/return-origin.js';
import type { StartPayfipPaymentHandler } from './start-payfip-payment.handler.js';

export type PayfipPaymentStarted = Awaited<ReturnType<StartPayfipPaymentHandler['start']>>;

/**
 * Pay an invoice online: the PayFIP operation (valid 15 minutes) and where to send the parent.
 * `from`: where the parent's browser is (the request's origin), so that the payment page and
 * the way back are on the origin whose session cookie signs them in (see returnOrigin).
 */
export class StartPayfipPayment extends Command<PayfipPaymentStarted> {
  constructor(
    readonly invoiceId: string,
    readonly from: RequestOrigin = {},
  ) {
    super();
  }
}
