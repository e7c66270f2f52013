import { AggregateRepository, FollowedStreams, followedStream, GroupCommit, type Clock, type RequestContext, type StreamFold } from '#ardoise/commands';
import type { EventStore } from '#ardoise/event-store';
import { CONFLICT_BACKOFF, UnavailableError } from '#ardoise/kernel';
import { CREDIT_NOTE_SERIES, INVOICE_SERIES, type NumberSeries } from '../domain/invoice-number.js';
import {
  copyNumberSeries,
  draftNumberAssigned,
  numberSeriesDecider,
  type AssignNumbers,
  type NumberAssigned,
  type NumberSeriesState,
} from '../domain/number-series.decider.js';

export type { Assignment } from '../domain/number-series.decider.js';
import type { Assignment } from '../domain/number-series.decider.js';

/**
 * Gapless invoice numbers per year, under concurrency, on any event-store adapter.
 *
 * Why a numbering stream and not a PostgreSQL counter row: the events may live in
 * EventStoreDB, where no transaction spans a counter row and the invoice's stream; a
 * number taken from a counter and an invoice that then fails to be written would leave a
 * gap. Here the number IS the stream's revision + 1: an append with the expected revision
 * either takes the next numbers or fails (another writer got them) and is retaken on fresh
 * state. Each assignment names its key (family + month, or correction n of an invoice) and
 * its invoice id, so a repeated request gets the same number back, and a crash between the
 * assignment and the `InvoiceIssued` is finished by the next run (the number is reused).
 * The year's stream is the one contended stream of a billing run: requests are written by
 * the command pipeline with group commit (one append for a batch of up to a hundred
 * invoices, and for the requests queued meanwhile in this process).
 */
export class InvoiceNumbering {
  private readonly years: FollowedStreams<NumberSeriesState>;
  private readonly writer: GroupCommit<NumberSeriesState, AssignNumbers, NumberAssigned>;

  constructor(
    store: EventStore,
    clock: Clock,
    private readonly series: NumberSeries = INVOICE_SERIES,
  ) {
    const decider = numberSeriesDecider(series);
    this.years = new FollowedStreams(store, decider as unknown as StreamFold<NumberSeriesState>, 10);
    this.writer = new GroupCommit(new AggregateRepository(store, clock), decider, {
      maxBatch: 50,
      source: followedStream(this.years),
      copy: copyNumberSeries,
      draft: draftNumberAssigned as (state: NumberSeriesState, event: unknown) => NumberSeriesState,
      retriesOnConflict: 199,
      backoff: CONFLICT_BACKOFF,
      exhausted: () => new UnavailableError('INVOICE.NUMBERING_BUSY', 'La numérotation des factures est trop sollicitée : réessayez dans un instant.'),
    });
  }

  /** Numbers for these keys (existing ones kept), in request order for the new ones. */
  async assign(year: number, requests: { key: string; invoiceId: string }[], context: RequestContext): Promise<Map<string, Assignment>> {
    // Never replayed by Idempotency-Key: one request (a billing run) asks for numbers batch after batch.
    const { state } = await this.writer.execute(this.series.stream(year), { year, requests }, context, false);
    return new Map(requests.map((request) => [request.key, state.byKey.get(request.key)!]));
  }

  /** Every number of the year, in order (for the numbering check and repairs). */
  async assignments(year: number): Promise<Assignment[]> {
    const { state } = await this.years.current(this.series.stream(year));
    return [...state.byKey.values()].sort((a, b) => a.sequence - b.sequence);
  }

  async find(year: number, key: string): Promise<Assignment | undefined> {
    return (await this.years.current(this.series.stream(year))).state.byKey.get(key);
  }
}

/** The credit notes' own series (`AV-2026-000012`); `invoiceId` in its assignments is the credit note's id. */
export class CreditNoteNumbering extends InvoiceNumbering {
  constructor(store: EventStore, clock: Clock) {
    super(store, clock, CREDIT_NOTE_SERIES);
  }
}
