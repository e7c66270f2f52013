import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { sql, type Kysely } from 'kysely';
import { CLOCK, type Clock } from '#ardoise/commands';
import { addDays, parisInstant } from '#ardoise/kernel';
import { DATABASE } from '#ardoise/database';
import { EVENT_STORE, type EventStore } from '#ardoise/event-store';
import { INVOICE_EVENT_TYPES, type InvoiceEvent } from '../../domain/invoice-events.js';
import {
  balanceFromSums,
  explainDifferences,
  type Explanation,
  InvoiceFold,
  ledgerEntryOf,
  reconcile,
  type Balance,
  type LedgerKind,
  type Reconciliation,
  type TracedEntry,
} from '../../domain/reconciliation.js';
import { BillingInputsCatchUp } from '../../billing-run/billing-inputs-catch-up.js';
import { financeProjector } from '../../projections/finance.projector.js';
import type { InvoicingDatabase } from '../../projections/invoicing-database.js';
import { ReconcileAccounts } from './reconcile-accounts.query.js';

const READ_MODEL_WAIT_MS = 5_000;

/**
 * issued − credited − paid + refunded = outstanding, per family and in total, at any past
 * instant: once from the finance ledger (read model), once by folding the invoice events
 * up to that instant. Any difference is listed.
 */
@QueryHandler(ReconcileAccounts)
export class ReconcileAccountsHandler implements IQueryHandler<ReconcileAccounts> {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<InvoicingDatabase>,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(BillingInputsCatchUp) private readonly catchUp: BillingInputsCatchUp,
  ) {}

  /** `2026-03-31` = the end of that day in Paris; an ISO instant is taken as is; none = now. */
  private instantOf(asOf?: string): Date {
    if (!asOf) return this.clock.now();
    if (/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return new Date(parisInstant(addDays(asOf, 1), '00:00').getTime() - 1);
    return new Date(asOf);
  }

  async execute({ asOf }: ReconcileAccounts): Promise<Reconciliation & { asOf: string; explanations: Explanation[] }> {
    const until = this.instantOf(asOf);
    // A payment recorded a moment ago is compared once the ledger has it: a lag is not a difference.
    // Should the ledger still be behind after a few seconds, the comparison shows what it lacks.
    await this.catchUp.waitForLatestFacts(READ_MODEL_WAIT_MS, [financeProjector]).catch(() => undefined);
    const [readModel, events] = await Promise.all([this.fromReadModel(until), this.fromEvents(until)]);
    const result = reconcile(readModel, events.balances);
    const families = [...new Set(result.differences.map((d) => d.familyId).filter((f): f is string => f !== null))];
    const explanations = families.length
      ? explainDifferences(
          events.entries.filter((e) => families.includes(e.familyId)),
          await this.ledgerRows(until, families),
        )
      : [];
    return { asOf: until.toISOString(), ...result, explanations };
  }

  /** The ledger rows (read model) of some families up to an instant, keyed by the event that made each. */
  private async ledgerRows(until: Date, familyIds: string[]): Promise<TracedEntry[]> {
    const rows = await this.db
      .selectFrom('invoicing_ledger')
      .select(['event_id', 'family_id', 'invoice_id', 'kind', 'amount_cents', 'occurred_at'])
      .where('occurred_at', '<=', until)
      .where('family_id', 'in', familyIds)
      .execute();
    return rows.map((r) => ({
      eventId: r.event_id,
      familyId: r.family_id,
      invoiceId: r.invoice_id,
      kind: r.kind,
      amountCents: r.amount_cents,
      occurredAt: new Date(r.occurred_at).toISOString(),
      eventType: null,
      streamId: null,
    }));
  }

  private async fromReadModel(until: Date): Promise<Map<string, Balance>> {
    const rows = await this.db
      .selectFrom('invoicing_ledger')
      .select(['family_id', 'kind', sql<string>`sum(amount_cents)`.as('cents')])
      .where('occurred_at', '<=', until)
      .groupBy(['family_id', 'kind'])
      .execute();
    const sums = new Map<string, Partial<Record<LedgerKind, number>>>();
    for (const row of rows) sums.set(row.family_id, { ...sums.get(row.family_id), [row.kind]: Number(row.cents) });
    return new Map([...sums].map(([family, s]) => [family, balanceFromSums(s)]));
  }

  /** Balances by folding the invoice events, and each event's ledger movement (to explain a difference). */
  private async fromEvents(until: Date): Promise<{ balances: Map<string, Balance>; entries: TracedEntry[] }> {
    const fold = new InvoiceFold();
    const entries: TracedEntry[] = [];
    for await (const event of this.store.readAll({ filter: { eventTypes: INVOICE_EVENT_TYPES } })) {
      if (new Date(event.metadata.occurredAt) > until) continue;
      const invoiceEvent = { type: event.type, data: event.data } as InvoiceEvent;
      fold.apply(invoiceEvent);
      const entry = ledgerEntryOf(invoiceEvent);
      if (entry)
        entries.push({
          ...entry,
          eventId: event.id,
          eventType: event.type,
          streamId: event.streamId,
          occurredAt: new Date(event.metadata.occurredAt).toISOString(),
        });
    }
    return { balances: fold.byFamily(), entries };
  }
}
