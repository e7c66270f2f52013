/** What a service day's maps offer: a Map, or a layer drafted over one (LayeredMap). */
export interface DayMap<K, V> extends Iterable<[K, V]> {
  readonly size: number;
  get(key: K): V | undefined;
  has(key: K): boolean;
  set(key: K, value: V): unknown;
  delete(key: K): boolean;
  keys(): IterableIterator<K>;
  values(): IterableIterator<V>;
  entries(): IterableIterator<[K, V]>;
}

const REMOVED: unique symbol = Symbol('removed');

/**
 * A map drafted over another one: reads fall through to the layer below, writes (and
 * removals, kept as markers) stay in this layer, so the layer below is never changed by the
 * draft. `commitInto` folds the layer into a map in one step (the layer below, once the draft
 * is accepted); a draft that is dropped leaves no trace. Drafting costs nothing however large
 * the layer below (a service day of thousands of entries), where a copy costs its size.
 *
 * Iteration yields each live key once: the layer below's keys in its order (with this layer's
 * value where it has one), then the keys new in this layer. A key removed and set again keeps
 * its old place (a Map would move it to the end); nothing here depends on that order.
 */
export class LayeredMap<K, V> implements DayMap<K, V> {
  private readonly own = new Map<K, V | typeof REMOVED>();
  private count: number;

  constructor(private readonly below: DayMap<K, V>) {
    this.count = below.size;
  }

  get size(): number {
    return this.count;
  }

  get(key: K): V | undefined {
    const value = this.own.get(key);
    if (value === REMOVED) return undefined;
    return value !== undefined || this.own.has(key) ? value : this.below.get(key);
  }

  has(key: K): boolean {
    const value = this.own.get(key);
    if (value === REMOVED) return false;
    return value !== undefined || this.own.has(key) || this.below.has(key);
  }

  set(key: K, value: V): this {
    if (!this.has(key)) this.count++;
    this.own.set(key, value);
    return this;
  }

  delete(key: K): boolean {
    if (!this.has(key)) return false;
    this.count--;
    if (this.below.has(key)) this.own.set(key, REMOVED);
    else this.own.delete(key);
    return true;
  }

  /** How many keys this layer sets or removes (what a commit writes). */
  get written(): number {
    return this.own.size;
  }

  /** Writes this layer's sets and removals into `target` (the layer below, when the draft is accepted). */
  commitInto(target: Pick<DayMap<K, V>, 'set' | 'delete'>): void {
    for (const [key, value] of this.own) {
      if (value === REMOVED) target.delete(key);
      else target.set(key, value);
    }
  }

  *entries(): IterableIterator<[K, V]> {
    for (const [key, value] of this.below) {
      if (!this.own.has(key)) yield [key, value];
      else {
        const mine = this.own.get(key)!;
        if (mine !== REMOVED) yield [key, mine];
      }
    }
    for (const [key, value] of this.own) if (value !== REMOVED && !this.below.has(key)) yield [key, value];
  }

  *keys(): IterableIterator<K> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): IterableIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): IterableIterator<[K, V]> {
    return this.entries();
  }
}
