import { randomUUID } from 'node:crypto';
import { eventMetadata, type Clock, type RequestContext } from '#ardoise/commands';
import { StreamNotFoundError, WrongExpectedVersionError, type EventStore } from '#ardoise/event-store';
import { UnavailableError } from '#ardoise/kernel';
import { CREDIT_NOTE_SERIES, INVOICE_SERIES, type InvoiceNumberAssigned, type NumberSeries } from '../domain/invoice-number.js';

export type Assignment = InvoiceNumberAssigned['data'];

interface YearState {
  revision: bigint | undefined;
  byKey: Map<string, Assignment>;
}

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
 * Numbers are taken by batches (one append for up to a hundred invoices) to keep the one
 * contended stream cheap during a monthly run.
 */
export class InvoiceNumbering {
  private readonly years = new Map<number, YearState>();
  private readonly queues = new Map<number, Promise<unknown>>();

  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly series: NumberSeries = INVOICE_SERIES,
  ) {}

  /** Numbers for these keys (existing ones kept), in request order for the new ones. */
  assign(year: number, requests: { key: string; invoiceId: string }[], context: RequestContext): Promise<Map<string, Assignment>> {
    // One writer per year inside this process; other processes are handled by the store.
    const previous = this.queues.get(year) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.assignNow(year, requests, context));
    this.queues.set(year, next);
    return next;
  }

  /** Every number of the year, in order (for the numbering check and repairs). */
  async assignments(year: number): Promise<Assignment[]> {
    const state = await this.catchUp(year);
    return [...state.byKey.values()].sort((a, b) => a.sequence - b.sequence);
  }

  async find(year: number, key: string): Promise<Assignment | undefined> {
    return (await this.catchUp(year)).byKey.get(key);
  }

  private async assignNow(year: number, requests: { key: string; invoiceId: string }[], context: RequestContext): Promise<Map<string, Assignment>> {
    for (let attempt = 0; attempt < 200; attempt++) {
      const state = await this.catchUp(year);
      const result = new Map<string, Assignment>();
      const fresh: Assignment[] = [];
      let sequence = state.revision === undefined ? 0 : Number(state.revision) + 1;
      for (const request of requests) {
        const known = state.byKey.get(request.key) ?? result.get(request.key);
        if (known) {
          result.set(request.key, known);
          continue;
        }
        sequence += 1;
        const assignment = { year, sequence, number: this.series.format(year, sequence), invoiceId: request.invoiceId, key: request.key };
        fresh.push(assignment);
        result.set(request.key, assignment);
      }
      if (fresh.length === 0) return result;
      const occurredAt = this.clock.now();
      try {
        await this.store.append(
          this.series.stream(year),
          fresh.map((data) => ({ id: randomUUID(), type: this.series.eventType, data, metadata: eventMetadata(context, occurredAt, this.series.eventType) })),
          { expectedRevision: state.revision ?? 'no_stream' },
        );
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 * (attempt + 1))));
        continue; // another process took these numbers: catch up and take the next ones
      }
      for (const assignment of fresh) state.byKey.set(assignment.key, assignment);
      state.revision = BigInt(fresh.at(-1)!.sequence - 1);
      return result;
    }
    throw new UnavailableError('INVOICE.NUMBERING_BUSY', 'La numérotation des factures est trop sollicitée : réessayez dans un instant.');
  }

  private async catchUp(year: number): Promise<YearState> {
    const state = this.years.get(year) ?? { revision: undefined, byKey: new Map() };
    this.years.set(year, state);
    const fromRevision = state.revision === undefined ? 0n : state.revision + 1n;
    try {
      for await (const event of this.store.readStream(this.series.stream(year), { fromRevision })) {
        const data = event.data as Assignment;
        state.byKey.set(data.key, data);
        state.revision = event.revision;
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return state;
  }
}

/** The credit notes' own series (`AV-2026-000012`); `invoiceId` in its assignments is the credit note's id. */
export class CreditNoteNumbering extends InvoiceNumbering {
  constructor(store: EventStore, clock: Clock) {
    super(store, clock, CREDIT_NOTE_SERIES);
  }
}
