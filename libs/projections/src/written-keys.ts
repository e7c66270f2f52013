/**
 * The keys written so far into each table of a generation that a rebuild started EMPTY,
 * in this process: a key not here cannot exist in the table yet, so a `RowSet` of the
 * rebuild creates it without asking the database (most keys of a rebuild are new: a
 * reservation's line is created by its first event), and inserts it by COPY. Kept only while
 * one builder writes the generation (its rebuild lock); a resumed rebuild, a live batch or
 * another process has none and loads every key.
 *
 * Only ever too large (a key kept from a batch that rolled back, or a false positive, costs a
 * load and an upsert), never too small, provided each such table is written only through
 * RowSets.
 *
 * Bounded memory: a table's keys are held exactly up to `exactLimit` (250,000 by default),
 * then in a Bloom filter of fixed size (16 MiB, 4 probes: about 0.05 % false positives at
 * 5 million keys, 0.4 % at 10 million) — no false negatives. The exact Set of 250,000 uuid
 * keys is about 25 MiB; the city log's reservation lines alone are millions.
 */
export class WrittenKeys {
  private readonly tables = new Map<string, KeySet>();

  constructor(private readonly options: { exactLimit?: number; bloomBits?: number } = {}) {}

  /** The keys (RowSet ids) written into physical table `table`. */
  of(table: string): KeySet {
    let keys = this.tables.get(table);
    if (!keys) this.tables.set(table, (keys = new KeySet(this.options.exactLimit ?? 250_000, this.options.bloomBits ?? 2 ** 27)));
    return keys;
  }

  /** Keys added, all tables together (for the progress). */
  get size(): number {
    let total = 0;
    for (const keys of this.tables.values()) total += keys.size;
    return total;
  }
}

/** A set of strings that may answer `has` wrongly true (past its exact limit), never wrongly false. */
export class KeySet {
  private exact: Set<string> | undefined = new Set();
  private bloom: Uint32Array | undefined;
  /** Keys added (counted once each while exact, every add after). */
  size = 0;

  constructor(
    private readonly exactLimit: number,
    private readonly bloomBits: number,
  ) {
    if (!Number.isInteger(Math.log2(bloomBits)) || bloomBits < 32) throw new RangeError('bloomBits must be a power of two >= 32');
  }

  has(key: string): boolean {
    if (this.exact) return this.exact.has(key);
    return this.probe(key, false);
  }

  add(key: string): void {
    if (this.exact) {
      this.exact.add(key);
      this.size = this.exact.size;
      if (this.exact.size <= this.exactLimit) return;
      this.bloom = new Uint32Array(this.bloomBits / 32);
      for (const k of this.exact) this.probe(k, true);
      this.exact = undefined;
      return;
    }
    this.size += 1;
    this.probe(key, true);
  }

  /** Double hashing (two 32-bit FNV-1a variants), 4 probes; sets the bits when `set`. */
  private probe(key: string, set: boolean): boolean {
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
    }
    h2 |= 1;
    const mask = this.bloomBits - 1;
    const bits = this.bloom!;
    let all = true;
    for (let i = 0; i < 4; i++) {
      const bit = (h1 + Math.imul(i, h2)) & mask;
      const word = bit >>> 5;
      const flag = 1 << (bit & 31);
      if ((bits[word]! & flag) === 0) {
        all = false;
        if (set) bits[word] = bits[word]! | flag;
        else return false;
      }
    }
    return all;
  }
}
