/**
 * Decider style (as in emmett): the domain is two pure functions.
 * `decide(command, state)` says what happens (events) or throws an AppError;
 * `evolve(state, event)` folds one event into the state.
 */
export interface DomainEvent<TType extends string = string, TData = unknown> {
  type: TType;
  data: TData;
  /** Bumped when the shape of `data` changes; readers upcast older versions. */
  schemaVersion?: number;
}

export interface Decider<TState, TCommand, TEvent extends DomainEvent> {
  initialState: () => TState;
  evolve: (state: TState, event: TEvent) => TState;
  decide: (command: TCommand, state: TState) => TEvent[];
}
