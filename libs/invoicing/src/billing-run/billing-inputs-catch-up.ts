import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { InvoicingDatabase } from '../projections/invoicing-database.js';
import { DATABASE } from '#ardoise/database';
import { EVENT_STORE, type EventStore, type Position } from '#ardoise/event-store';
import { Backoff, sleep, UnavailableError } from '#ardoise/kernel';
import { generationRegistry, type Projector } from '#ardoise/projections';
import { billingInputsProjector } from '../projections/billing-inputs.projector.js';

/** How long a billing run waits for the facts recorded just before it (then 503: finance tries again). */
export const BILLING_CATCH_UP_TIMEOUT_MS = 30_000;

/**
 * Billing reads its own read model (billable days, quotients, mandates), which follows the
 * log a little behind. So that a reservation, an attendance mark or a QF recorded just
 * before a run is billed, the run first takes the position of the last fact of the log that
 * this read model consumes (readAll backwards, one event, with the projector's filter: its
 * checkpoint only moves on the events it consumes) and waits until the projector's active
 * generation has applied it.
 */
@Injectable()
export class BillingInputsCatchUp {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<InvoicingDatabase>,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async waitForLatestFacts(timeoutMs = BILLING_CATCH_UP_TIMEOUT_MS, projectors: readonly Projector[] = [billingInputsProjector]): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (const projector of projectors) {
      const target = await this.lastPositionFor(projector);
      if (!target) continue; // nothing to consume yet
      const pause = new Backoff({ initialMs: 20, maxMs: 500, jitter: 0 });
      while (!(await this.reached(projector, target))) {
        if (Date.now() >= deadline) {
          throw new UnavailableError(
            'BILLING.INPUTS_CATCHING_UP',
            'Les dernières réservations et présences sont encore en cours de prise en compte : relancez la facturation dans un instant.',
            undefined,
            { projection: projector.name },
          );
        }
        await sleep(pause.next());
      }
    }
  }

  private async lastPositionFor(projector: Projector): Promise<Position | undefined> {
    for await (const event of this.store.readAll({ direction: 'backwards', maxCount: 1, filter: projector.filter })) return event.position;
    return undefined;
  }

  private async reached(projector: Projector, target: Position): Promise<boolean> {
    const active = await generationRegistry.active(this.db, projector.name);
    if (!active?.position) return false;
    return this.store.positions.compare(this.store.positions.decode(active.position), target) >= 0;
  }
}
