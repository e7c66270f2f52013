/**
 * A folded state as auditors read it (JSON): Maps as objects, Sets as arrays, at any depth.
 * Deciders may keep their state in Maps (the reservations' hot aggregates do); their `evolve`
 * is pure, so a state kept for an earlier instant needs no defensive copy, only this view.
 */
export function plainState(value: unknown): unknown {
  const kind = tag(value);
  if (kind === '[object Map]') return Object.fromEntries([...(value as Map<unknown, unknown>)].map(([k, v]) => [String(k), plainState(v)]));
  if (kind === '[object Set]') return [...(value as Set<unknown>)].map(plainState);
  if (Array.isArray(value)) return value.map(plainState);
  if (value && typeof value === 'object' && kind !== '[object Date]') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainState(v)]));
  }
  return value;
}

// By tag, not instanceof: a Map built in another realm (a test VM) is a Map all the same.
const tag = (value: unknown) => Object.prototype.toString.call(value);
