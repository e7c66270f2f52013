import { Inject, Injectable } from '@nestjs/common';
import { AggregateRepository, CLOCK, currentContext, type Clock } from '#ardoise/commands';
import { parisDate } from '#ardoise/kernel';
import { invoiceStream } from '../domain/invoice-events.js';
import { invoiceDecider, type InvoiceCommand } from '../domain/invoice.decider.js';
import { outstandingOf, statusOf, type InvoiceState } from '../domain/invoice-state.js';

export type InvoiceActionResult = ReturnType<typeof actionResult>;

/**
 * Decides a command on one invoice's stream (load → decide → append through the pipeline,
 * retried on a concurrent write) and says where the invoice stands: what the finance
 * office's actions, the direct debits and the collection batches share.
 */
@Injectable()
export class InvoiceWriter {
  constructor(
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Today in Paris: the date of a desk payment, a refund, a rejection, a credit note. */
  today(): string {
    return parisDate(this.clock.now());
  }

  async apply(invoiceId: string, command: InvoiceCommand): Promise<InvoiceActionResult> {
    const result = await this.repository.handle(invoiceStream(invoiceId), invoiceDecider, command, currentContext(), { retriesOnConflict: 5 });
    return actionResult(invoiceId, result);
  }
}

export function actionResult(invoiceId: string, result: { state: InvoiceState; events: { type: string }[] }) {
  return { invoiceId, status: statusOf(result.state), outstandingCents: outstandingOf(result.state), events: result.events.map((e) => e.type) };
}
