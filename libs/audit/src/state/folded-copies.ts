import type { AuditedAggregate } from './audited-aggregates.js';

type Folding = AuditedAggregate['decider'];

/**
 * For deciders that fold in place into Maps (reservations' hot aggregates do, for speed):
 * each event is folded into a copy, so the state kept for an earlier instant is not changed
 * by later events, and the state is shown as JSON (Maps as objects, Sets as arrays).
 */
export function foldedCopies(decider: Folding): Folding {
  return {
    initialState: () => new FoldedState(decider.initialState()),
    evolve: (state: FoldedState, event) => new FoldedState(decider.evolve(structuredClone(state.inner), event)),
  };
}

class FoldedState {
  constructor(readonly inner: unknown) {}
  toJSON(): unknown {
    return plain(this.inner);
  }
}

// By tag, not instanceof: structuredClone may build its Maps in another realm (a test VM).
const tag = (value: unknown) => Object.prototype.toString.call(value);

function plain(value: unknown): unknown {
  if (tag(value) === '[object Map]') return Object.fromEntries([...(value as Map<unknown, unknown>)].map(([k, v]) => [String(k), plain(v)]));
  if (tag(value) === '[object Set]') return [...(value as Set<unknown>)].map(plain);
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object' && tag(value) !== '[object Date]') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}
