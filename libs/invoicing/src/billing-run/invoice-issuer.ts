import { Inject, Injectable } from '@nestjs/common';
import { AggregateRepository, type RequestContext } from '#ardoise/commands';
import { EVENT_STORE, type EventStore } from '#ardoise/event-store';
import type { LocalDate } from '#ardoise/kernel';
import type { InvoiceDraft } from '../domain/billing.js';
import { uuidFromName } from '../domain/deterministic-id.js';
import { invoiceStream, type InvoiceIssued } from '../domain/invoice-events.js';
import { invoiceDecider } from '../domain/invoice.decider.js';
import { initialInvoiceState } from '../domain/invoice-state.js';
import { InvoiceNumbering, type Assignment } from '../numbering/invoice-numbering.js';

export interface DraftToIssue {
  key: string;
  draft: InvoiceDraft;
  kind: 'monthly' | 'correction';
  correctsInvoiceId: string | null;
}

export type IssueOutcome = { key: string; invoiceId: string; outcome: 'issued' | 'already_issued'; number?: string; totalCents: number };

/**
 * Turns drafts into `InvoiceIssued` events: skips what is already issued, takes numbers by
 * batch (reusing a number already assigned to the key, e.g. after a crash), then issues each
 * invoice through the command pipeline (the invoice decider's `IssueInvoice`) on its own
 * stream, with a deterministic event id, so that two runs racing on the same family-month
 * leave one invoice.
 */
@Injectable()
export class InvoiceIssuer {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(AggregateRepository) private readonly pipeline: AggregateRepository,
    @Inject(InvoiceNumbering) private readonly numbering: InvoiceNumbering,
  ) {}

  invoiceIdOf(key: string): string {
    return uuidFromName(key);
  }

  /** Whether each key's invoice is already issued (the run and the billing preview decide it the same way). */
  alreadyIssued(keys: string[], concurrency = 8): Promise<boolean[]> {
    return mapLimit(keys, concurrency, async (key) => (await this.store.streamRevision(invoiceStream(this.invoiceIdOf(key)))) !== undefined);
  }

  async issue(items: DraftToIssue[], dates: { issuedOn: LocalDate; dueDate: LocalDate }, context: RequestContext, concurrency = 8): Promise<IssueOutcome[]> {
    const year = Number(dates.issuedOn.slice(0, 4));
    const withIds = items.map((item) => ({ ...item, invoiceId: this.invoiceIdOf(item.key) }));
    const exists = await this.alreadyIssued(
      withIds.map((item) => item.key),
      concurrency,
    );
    const outcomes: IssueOutcome[] = [];
    const pending = withIds.filter((item, i) => {
      if (exists[i]) outcomes.push({ key: item.key, invoiceId: item.invoiceId, outcome: 'already_issued', totalCents: item.draft.totalCents });
      return !exists[i];
    });
    if (pending.length === 0) return outcomes;
    // A number assigned last year (run over the new year, then a crash) is reused, never doubled.
    const previous = new Map<string, Assignment>();
    for (const item of pending) {
      const earlier = await this.numbering.find(year - 1, item.key);
      if (earlier) previous.set(item.key, earlier);
    }
    const fresh = pending.filter((item) => !previous.has(item.key));
    const numbers = fresh.length
      ? await this.numbering.assign(
          year,
          fresh.map((i) => ({ key: i.key, invoiceId: i.invoiceId })),
          context,
        )
      : new Map();
    const results = await mapLimit(pending, concurrency, async (item): Promise<IssueOutcome> => {
      const assignment: Assignment = previous.get(item.key) ?? numbers.get(item.key)!;
      const data: InvoiceIssued['data'] = {
        invoiceId: assignment.invoiceId,
        number: assignment.number,
        familyId: item.draft.familyId,
        period: item.draft.period,
        kind: item.kind,
        correctsInvoiceId: item.correctsInvoiceId,
        issuedOn: dates.issuedOn,
        dueDate: dates.dueDate,
        lines: item.draft.lines,
        tariffs: item.draft.tariffs,
        totalCents: item.draft.totalCents,
      };
      // Decided first on the empty stream just seen (no read); a conflict reads it and the decider says « already issued ».
      const { events } = await this.pipeline.handle(invoiceStream(assignment.invoiceId), invoiceDecider, { type: 'IssueInvoice', invoice: data }, context, {
        loaded: { state: initialInvoiceState(), revision: undefined, events: [] },
        retriesOnConflict: 1,
        eventIds: () => uuidFromName(`${item.key}#issued`),
      });
      if (events.length === 0) return { key: item.key, invoiceId: assignment.invoiceId, outcome: 'already_issued', totalCents: data.totalCents };
      return { key: item.key, invoiceId: assignment.invoiceId, outcome: 'issued', number: assignment.number, totalCents: data.totalCents };
    });
    return [...outcomes, ...results];
  }
}

export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i], i);
    }
  });
  await Promise.all(lanes);
  return results;
}
