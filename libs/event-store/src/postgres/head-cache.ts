/** A stream's head: its last revision and that event's hash. */
export interface StreamHead {
  revision: bigint;
  hash: string;
}

/**
 * Bounded LRU of stream heads this process has seen (by its appends and reads). Only a
 * hint: an append built on a stale head fails its conditional update and re-reads the
 * head (append.ts), so a wrong entry costs a round trip, never correctness.
 */
export class HeadCache {
  private readonly heads = new Map<string, StreamHead>();
  constructor(private readonly capacity: number) {}

  get(streamId: string): StreamHead | undefined {
    const head = this.heads.get(streamId);
    if (head) {
      this.heads.delete(streamId);
      this.heads.set(streamId, head);
    }
    return head;
  }

  /** Records a head, never moving an entry backwards (a read may race an append). */
  offer(streamId: string, head: StreamHead): void {
    if (this.capacity <= 0) return;
    const known = this.heads.get(streamId);
    if (known && known.revision > head.revision) return;
    this.heads.delete(streamId);
    this.heads.set(streamId, head);
    if (this.heads.size > this.capacity) this.heads.delete(this.heads.keys().next().value!);
  }

  forget(streamId: string): void {
    this.heads.delete(streamId);
  }

  clear(): void {
    this.heads.clear();
  }
}
