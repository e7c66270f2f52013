import { Command } from '@nestjs/cqrs';

export type PayfipSettlement = 'paid' | 'failed' | 'anomaly' | 'pending' | 'settled';

/**
 * PayFIP says something happened to an operation: ask it what, and record it (once).
 * `expireIfUnknown` (the repair job): an operation PayFIP still knows nothing of, well past
 * its expiry, is recorded as expired.
 */
export class SettlePayfipOperation extends Command<PayfipSettlement> {
  constructor(
    readonly operationId: string,
    readonly expireIfUnknown = false,
  ) {
    super();
  }
}
