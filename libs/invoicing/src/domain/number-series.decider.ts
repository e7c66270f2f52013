import type { Decider, DomainEvent } from '#ardoise/commands';
import type { InvoiceNumberAssigned, NumberSeries } from './invoice-number.js';

export type Assignment = InvoiceNumberAssigned['data'];
export type NumberAssigned = DomainEvent<string, Assignment>;

/** A year of a numbering series: how many numbers are taken, and which key holds each. */
export interface NumberSeriesState {
  taken: number;
  byKey: Map<string, Assignment>;
}

export interface AssignNumbers {
  year: number;
  requests: { key: string; invoiceId: string }[];
}

/** A copy of a year: a batch decides on one, and a run of events folds into one (a year holds thousands of numbers). */
export const copyNumberSeries = (state: NumberSeriesState): NumberSeriesState => ({ taken: state.taken, byKey: new Map(state.byKey) });

/** Folds one assignment INTO `state`: only on a private copy (a batch's, or evolve's own). */
export function draftNumberAssigned(state: NumberSeriesState, event: NumberAssigned): NumberSeriesState {
  state.byKey.set(event.data.key, event.data);
  state.taken += 1;
  return state;
}

/**
 * Gapless numbers (decision 0004): the n-th event of a year's stream assigns number n. A key
 * that already holds a number keeps it; new keys take the next numbers in request order.
 */
export function numberSeriesDecider(series: NumberSeries): Decider<NumberSeriesState, AssignNumbers, NumberAssigned> {
  return {
    initialState: () => ({ taken: 0, byKey: new Map() }),
    evolve: (state, event) => draftNumberAssigned(copyNumberSeries(state), event),
    evolveAll: (state, events) => events.reduce(draftNumberAssigned, copyNumberSeries(state)),
    decide({ year, requests }, state) {
      const fresh = new Map<string, Assignment>();
      let sequence = state.taken;
      for (const request of requests) {
        if (state.byKey.has(request.key) || fresh.has(request.key)) continue;
        sequence += 1;
        fresh.set(request.key, { year, sequence, number: series.format(year, sequence), invoiceId: request.invoiceId, key: request.key });
      }
      return [...fresh.values()].map((data) => ({ type: series.eventType, data }));
    },
  };
}
