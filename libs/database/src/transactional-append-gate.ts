/**
 * A database transaction that appends to the event store holds one pool connection while
 * the append takes a second one from the same pool. With as many such transactions as the
 * pool has connections, every one waits for a connection held by another: a deadlock (seen
 * with 20 concurrent family registrations on a pool of 10). The gate lets at most half the
 * pool into that section at once, so each one can always get its second connection.
 * Use it around every transaction that appends (or calls anything that does) before it commits.
 */
export class TransactionalAppendGate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`gate limit must be a positive integer, got ${limit}`);
  }

  static forPool(poolSize: number): TransactionalAppendGate {
    return new TransactionalAppendGate(Math.max(1, Math.floor(poolSize / 2)));
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active < this.limit) this.active++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve)); // the slot is handed over
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}
