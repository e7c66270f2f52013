/**
 * Decider style (as in emmett): the domain is two pure functions.
 * `decide(command, state)` says what happens (events) or throws an AppError;
 * `evolve(state, event)` returns the state after one event, as a NEW state: it never changes
 * the one it is given (a state handed out, cached or kept for an earlier instant stays as it was).
 * Events reach `evolve` at their current schema version (`defineEvent`, libs/kernel).
 */
export interface DomainEvent<TType extends string = string, TData = unknown> {
  type: TType;
  data: TData;
}

export interface Decider<TState, TCommand, TEvent extends DomainEvent> {
  initialState: () => TState;
  evolve: (state: TState, event: TEvent) => TState;
  decide: (command: TCommand, state: TState) => TEvent[];
  /**
   * Optional: folds a run of events at once, with the same result as reducing them with
   * `evolve` (a large state copied once for the run instead of once per event).
   */
  evolveAll?: (state: TState, events: readonly TEvent[]) => TState;
}

/** The state after `events`: through `evolveAll` when the decider has one, else `evolve` one by one. */
export function foldEvents<TState, TEvent>(
  decider: { evolve: (state: TState, event: TEvent) => TState; evolveAll?: (state: TState, events: readonly TEvent[]) => TState },
  state: TState,
  events: readonly TEvent[],
): TState {
  if (events.length === 0) return state;
  return decider.evolveAll ? decider.evolveAll(state, events) : events.reduce(decider.evolve, state);
}
