import { ValidationError } from '#ardoise/kernel';
import { StreamNotFoundError, WrongExpectedVersionError, findFirstBrokenLink, type EventStore, type Position, type Subscription } from '#ardoise/event-store';
import { category, collect, event, events, expectRejection, stream, take } from './contract-kit.js';

/**
 * The behaviour every EventStore adapter must have (docs/architecture.md §3, EventStoreDB semantics).
 * Each adapter's spec calls this with a setup giving a ready store; the suite only uses
 * fresh, random stream names, so it works on a shared store. Stream-name prefixes keep
 * $all reads to the events of one scenario.
 */
export function runEventStoreContract(adapterName: string, setup: () => Promise<{ store: EventStore; teardown(): Promise<void> }>): void {
  describe(`EventStore contract — ${adapterName}`, () => {
    let store: EventStore;
    let teardown: (() => Promise<void>) | undefined;

    beforeAll(async () => {
      ({ store, teardown } = await setup());
    }, 60_000);

    afterAll(async () => {
      await teardown?.();
    }, 60_000);

    async function positionOfLastEvent(): Promise<Position | undefined> {
      const [last] = await collect(store.readAll({ direction: 'backwards', maxCount: 1 }));
      return last?.position;
    }

    describe('append', () => {
      it('appends to a new stream with no_stream: revision 0, then reads it back with what the store adds', async () => {
        const id = stream('family');
        const e = event('FamilyAccountCreated', { familyName: 'Martin', big: 9007199254740993n, at: new Date('2026-01-01T00:00:00Z') });
        const result = await store.append(id, [e], { expectedRevision: 'no_stream' });
        expect(result.nextRevision).toBe(0n);
        const [recorded] = await collect(store.readStream(id));
        expect(recorded).toMatchObject({ id: e.id, type: 'FamilyAccountCreated', streamId: id, revision: 0n, metadata: e.metadata });
        expect(recorded!.data).toEqual({ familyName: 'Martin', big: '9007199254740993', at: '2026-01-01T00:00:00.000Z' });
        expect(recorded!.recordedAt).toBeInstanceOf(Date);
        expect(store.positions.compare(recorded!.position, result.position)).toBe(0);
        expect(recorded!.previousHash).toBe('');
        expect(recorded!.hash).toMatch(/^[0-9a-f]{64}$/);
      });

      it('appends a batch with consecutive revisions and returns the last one', async () => {
        const id = stream();
        expect((await store.append(id, events(3), { expectedRevision: 'no_stream' })).nextRevision).toBe(2n);
        expect((await store.append(id, events(4), { expectedRevision: 2n })).nextRevision).toBe(6n);
        const read = await collect(store.readStream(id));
        expect(read.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n, 5n, 6n]);
      });

      it('exact expected revision: accepted at the head, refused behind or ahead with expected/actual', async () => {
        const id = stream();
        await store.append(id, events(2), { expectedRevision: 'no_stream' });
        await store.append(id, [event()], { expectedRevision: 1n });
        for (const wrong of [0n, 1n, 5n]) {
          const error = (await expectRejection(store.append(id, [event()], { expectedRevision: wrong }))) as WrongExpectedVersionError;
          expect(error).toBeInstanceOf(WrongExpectedVersionError);
          expect(error.streamId).toBe(id);
          expect(error.expected).toBe(wrong);
          expect(error.actual).toBe(2n);
        }
        const missing = (await expectRejection(store.append(stream(), [event()], { expectedRevision: 0n }))) as WrongExpectedVersionError;
        expect(missing).toBeInstanceOf(WrongExpectedVersionError);
        expect(missing.actual).toBeUndefined();
      });

      it('no_stream is refused on an existing stream; stream_exists is refused on a missing one', async () => {
        const id = stream();
        await store.append(id, events(2), { expectedRevision: 'no_stream' });
        const exists = (await expectRejection(store.append(id, [event()], { expectedRevision: 'no_stream' }))) as WrongExpectedVersionError;
        expect(exists).toBeInstanceOf(WrongExpectedVersionError);
        expect(exists.expected).toBe('no_stream');
        expect(exists.actual).toBe(1n);

        const missingId = stream();
        const missing = (await expectRejection(store.append(missingId, [event()], { expectedRevision: 'stream_exists' }))) as WrongExpectedVersionError;
        expect(missing).toBeInstanceOf(WrongExpectedVersionError);
        expect(missing.actual).toBeUndefined();
        expect(await store.streamRevision(missingId)).toBeUndefined();

        expect((await store.append(id, [event()], { expectedRevision: 'stream_exists' })).nextRevision).toBe(2n);
      });

      it('counts its events where the adapter can (an idempotent re-append adds none), or says it cannot', async () => {
        const before = await store.eventCount();
        const appended = events(3);
        await store.append(stream(), appended, { expectedRevision: 'no_stream' });
        const after = await store.eventCount();
        if (before === null) expect(after).toBeNull();
        else expect(after).toBeGreaterThanOrEqual(before + 3);
      });

      it("'any' appends to a missing or an existing stream", async () => {
        const id = stream();
        expect((await store.append(id, [event()], { expectedRevision: 'any' })).nextRevision).toBe(0n);
        expect((await store.append(id, events(2), { expectedRevision: 'any' })).nextRevision).toBe(2n);
      });

      it('re-appending the same event ids with the same expected revision is a no-op success', async () => {
        const id = stream();
        const first = events(2);
        const original = await store.append(id, first, { expectedRevision: 'no_stream' });
        const again = await store.append(id, first, { expectedRevision: 'no_stream' });
        expect(again.nextRevision).toBe(original.nextRevision);
        expect(store.positions.compare(again.position, original.position)).toBe(0);

        const second = events(3);
        const result = await store.append(id, second, { expectedRevision: 1n });
        await store.append(id, [event()], { expectedRevision: 4n }); // the stream moves on
        const retried = await store.append(id, second, { expectedRevision: 1n });
        expect(retried.nextRevision).toBe(result.nextRevision);
        expect(store.positions.compare(retried.position, result.position)).toBe(0);
        expect(await store.streamRevision(id)).toBe(5n);
        expect((await collect(store.readStream(id))).map((e) => e.id)).toEqual([...first, ...second].map((e) => e.id).concat(expect.any(String)));
      });

      it('the same ids at another expected revision are a conflict, not a silent no-op', async () => {
        const id = stream();
        const batch = events(2);
        await store.append(id, batch, { expectedRevision: 'no_stream' });
        await store.append(id, [event()], { expectedRevision: 1n });
        const error = await expectRejection(store.append(id, batch, { expectedRevision: 0n }));
        expect(error).toBeInstanceOf(WrongExpectedVersionError);
      });

      it('refuses an empty batch and malformed input clearly, before writing anything', async () => {
        const id = stream();
        await expect(store.append(id, [], { expectedRevision: 'any' })).rejects.toBeInstanceOf(ValidationError);
        await expect(store.append(id, [{ ...event(), id: 'not-a-uuid' }], { expectedRevision: 'any' })).rejects.toBeInstanceOf(ValidationError);
        await expect(store.append(id, [{ ...event(), type: '' }], { expectedRevision: 'any' })).rejects.toBeInstanceOf(ValidationError);
        const e = event();
        await expect(store.append(id, [e, e], { expectedRevision: 'any' })).rejects.toBeInstanceOf(ValidationError);
        await expect(store.append(id, [event()], { expectedRevision: -1n })).rejects.toBeInstanceOf(ValidationError);
        await expect(store.append(id, [event()], { expectedRevision: 3 as unknown as bigint })).rejects.toBeInstanceOf(ValidationError);
        await expect(store.append('', [event()], { expectedRevision: 'any' })).rejects.toBeInstanceOf(ValidationError);
        expect(await store.streamRevision(id)).toBeUndefined();
      });

      it('20 concurrent writers at the same expected revision: exactly one wins per revision, the others get WrongExpectedVersion', async () => {
        const id = stream('reservation');
        await store.append(id, [event()], { expectedRevision: 'no_stream' });
        for (let round = 0; round < 3; round++) {
          const expected = BigInt(round);
          const attempts = Array.from({ length: 20 }, () => event('ReservationRequested'));
          const results = await Promise.allSettled(attempts.map((e) => store.append(id, [e], { expectedRevision: expected })));
          const won = results.filter((r) => r.status === 'fulfilled');
          const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
          expect(won).toHaveLength(1);
          expect((won[0] as PromiseFulfilledResult<{ nextRevision: bigint }>).value.nextRevision).toBe(expected + 1n);
          expect(lost).toHaveLength(19);
          for (const { reason } of lost) {
            expect(reason).toBeInstanceOf(WrongExpectedVersionError);
            expect((reason as WrongExpectedVersionError).expected).toBe(expected);
            expect((reason as WrongExpectedVersionError).actual).toBe(expected + 1n);
          }
        }
        const read = await collect(store.readStream(id));
        expect(read.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n]);
        expect(await findFirstBrokenLink(read)).toBeUndefined();
      });

      it('20 concurrent new-stream writers (no_stream): one creates it, the others conflict', async () => {
        const id = stream();
        const results = await Promise.allSettled(Array.from({ length: 20 }, () => store.append(id, [event()], { expectedRevision: 'no_stream' })));
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(WrongExpectedVersionError);
        expect(await store.streamRevision(id)).toBe(0n);
      });

      it("concurrent 'any' writers all succeed, each event exactly once, revisions without gaps", async () => {
        const id = stream();
        const batch = events(20);
        await Promise.all(batch.map((e) => store.append(id, [e], { expectedRevision: 'any' })));
        const read = await collect(store.readStream(id));
        expect(read.map((e) => e.revision)).toEqual(batch.map((_, i) => BigInt(i)));
        expect(new Set(read.map((e) => e.id))).toEqual(new Set(batch.map((e) => e.id)));
        expect(await findFirstBrokenLink(read)).toBeUndefined();
      });
    });

    describe('readStream', () => {
      it('a missing stream is "not found", lazily on first iteration', async () => {
        const iterable = store.readStream(stream());
        await expect(collect(iterable)).rejects.toBeInstanceOf(StreamNotFoundError);
      });

      it('reads forwards and backwards, fromRevision inclusive, maxCount', async () => {
        const id = stream();
        await store.append(id, events(10), { expectedRevision: 'no_stream' });
        const revs = async (o: Parameters<EventStore['readStream']>[1]) => (await collect(store.readStream(id, o))).map((e) => Number(e.revision));
        expect(await revs({})).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        expect(await revs({ fromRevision: 7n })).toEqual([7, 8, 9]);
        expect(await revs({ fromRevision: 2n, maxCount: 3 })).toEqual([2, 3, 4]);
        expect(await revs({ direction: 'backwards' })).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
        expect(await revs({ direction: 'backwards', fromRevision: 3n })).toEqual([3, 2, 1, 0]);
        expect(await revs({ direction: 'backwards', maxCount: 2 })).toEqual([9, 8]);
        expect(await revs({ fromRevision: 10n })).toEqual([]);
      });

      it('pages through a long stream in order', async () => {
        const id = stream();
        let expected: bigint | 'no_stream' = 'no_stream';
        for (let i = 0; i < 12; i++) {
          expected = (await store.append(id, events(100), { expectedRevision: expected })).nextRevision;
        }
        const read = await collect(store.readStream(id));
        expect(read).toHaveLength(1200);
        expect(read.every((e, i) => e.revision === BigInt(i))).toBe(true);
        expect(await findFirstBrokenLink(read)).toBeUndefined();
        const backwards = await collect(store.readStream(id, { direction: 'backwards', fromRevision: 1100n }));
        expect(backwards).toHaveLength(1101);
        expect(backwards[1100]!.revision).toBe(0n);
      }, 60_000);

      it('streamRevision gives the last revision, undefined for a missing stream', async () => {
        const id = stream();
        expect(await store.streamRevision(id)).toBeUndefined();
        await store.append(id, events(4), { expectedRevision: 'no_stream' });
        expect(await store.streamRevision(id)).toBe(3n);
      });

      it("each event's hash chains the previous one (tamper evidence)", async () => {
        const id = stream('invoice');
        await store.append(id, events(3), { expectedRevision: 'no_stream' });
        await store.append(id, events(2), { expectedRevision: 2n });
        const read = await collect(store.readStream(id));
        expect(read[1]!.previousHash).toBe(read[0]!.hash);
        expect(await findFirstBrokenLink(read)).toBeUndefined();
      });
    });

    describe('readAll and positions', () => {
      it('returns own appends at once, in global order, with opaque ordered positions', async () => {
        const cat = category();
        const a = stream(cat);
        const b = stream(cat);
        await store.append(a, events(2), { expectedRevision: 'no_stream' });
        await store.append(b, events(3), { expectedRevision: 'no_stream' });
        await store.append(a, events(1), { expectedRevision: 1n });
        const all = await collect(store.readAll({ filter: { streamPrefixes: [`${cat}-`] } }));
        expect(all.map((e) => `${e.streamId === a ? 'a' : 'b'}${e.revision}`)).toEqual(['a0', 'a1', 'b0', 'b1', 'b2', 'a2']);
        for (let i = 1; i < all.length; i++) {
          expect(store.positions.compare(all[i - 1]!.position, all[i]!.position)).toBeLessThan(0);
          expect(store.positions.compare(all[i]!.position, all[i - 1]!.position)).toBeGreaterThan(0);
        }
        for (const e of all) {
          const encoded = store.positions.encode(e.position);
          expect(typeof encoded).toBe('string');
          expect(store.positions.compare(store.positions.decode(encoded), e.position)).toBe(0);
        }
        const backwards = await collect(store.readAll({ direction: 'backwards', filter: { streamPrefixes: [`${cat}-`] } }));
        expect(backwards.map((e) => e.id)).toEqual(all.map((e) => e.id).reverse());
      });

      it('fromPosition is exclusive, forwards and backwards; maxCount limits', async () => {
        const cat = category();
        const id = stream(cat);
        await store.append(id, events(6), { expectedRevision: 'no_stream' });
        const filter = { streamPrefixes: [`${cat}-`] };
        const all = await collect(store.readAll({ filter }));
        const from = all[2]!.position;
        expect((await collect(store.readAll({ fromPosition: from, filter }))).map((e) => e.revision)).toEqual([3n, 4n, 5n]);
        expect((await collect(store.readAll({ fromPosition: from, filter, direction: 'backwards' }))).map((e) => e.revision)).toEqual([1n, 0n]);
        expect((await collect(store.readAll({ fromPosition: from, filter, maxCount: 2 }))).map((e) => e.revision)).toEqual([3n, 4n]);
        const decoded = store.positions.decode(store.positions.encode(from));
        expect((await collect(store.readAll({ fromPosition: decoded, filter }))).map((e) => e.revision)).toEqual([3n, 4n, 5n]);
      });

      it('filters by stream prefixes and by event types', async () => {
        const cat1 = category();
        const cat2 = category();
        const cat3 = category();
        await store.append(stream(cat1), [event('A'), event('B')], { expectedRevision: 'no_stream' });
        await store.append(stream(cat2), [event('A'), event('C')], { expectedRevision: 'no_stream' });
        await store.append(stream(cat3), [event('A')], { expectedRevision: 'no_stream' });
        const types = async (filter: { streamPrefixes?: string[]; eventTypes?: string[] }) =>
          (await collect(store.readAll({ filter }))).map((e) => `${e.streamId.split('-')[0] === cat1 ? 1 : e.streamId.startsWith(cat2) ? 2 : 3}${e.type}`);
        expect(await types({ streamPrefixes: [`${cat1}-`, `${cat2}-`] })).toEqual(['1A', '1B', '2A', '2C']);
        expect(await types({ streamPrefixes: [`${cat1}-`, `${cat2}-`, `${cat3}-`], eventTypes: ['A'] })).toEqual(['1A', '2A', '3A']);
        expect(await types({ streamPrefixes: [`${cat2}-`], eventTypes: ['B', 'C'] })).toEqual(['2C']);
      });

      it('a position is opaque: a malformed encoded position is refused', () => {
        expect(() => store.positions.decode('not a position')).toThrow();
      });
    });

    describe('subscribeToAll', () => {
      let subscriptions: Subscription[] = [];
      afterEach(async () => {
        await Promise.all(subscriptions.map((s) => s.close()));
        subscriptions = [];
      });
      const subscribe = (...args: Parameters<EventStore['subscribeToAll']>) => {
        const s = store.subscribeToAll(...args);
        subscriptions.push(s);
        return s;
      };

      it('catches up from an exclusive position, then goes live: no gap, no duplicate, global order', async () => {
        const cat = category();
        const filter = { streamPrefixes: [`${cat}-`] };
        const start = await positionOfLastEvent();
        const a = stream(cat);
        await store.append(a, events(5), { expectedRevision: 'no_stream' });
        const subscription = subscribe({ fromPosition: start, filter });
        const iterator = subscription[Symbol.asyncIterator]();
        const caughtUp = await take(iterator, 5);
        expect(caughtUp.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n]);

        // live, from several concurrent writers
        const writers = Array.from({ length: 5 }, () => stream(cat));
        await Promise.all(writers.map((w) => store.append(w, events(3), { expectedRevision: 'no_stream' })));
        await store.append(a, events(2), { expectedRevision: 4n });
        const live = await take(iterator, 17);
        const received = [...caughtUp, ...live];
        expect(new Set(received.map((e) => e.id)).size).toBe(22);
        const all = await collect(store.readAll({ fromPosition: start, filter }));
        expect(received.map((e) => e.id)).toEqual(all.map((e) => e.id));
        for (let i = 1; i < received.length; i++) {
          expect(store.positions.compare(received[i - 1]!.position, received[i]!.position)).toBeLessThan(0);
        }
      }, 30_000);

      it('starts from the beginning by default and applies an event-type filter', async () => {
        const cat = category();
        const id = stream(cat);
        await store.append(id, [event('Kept'), event('Dropped'), event('Kept')], { expectedRevision: 'no_stream' });
        const iterator = subscribe({ filter: { streamPrefixes: [`${cat}-`], eventTypes: ['Kept'] } })[Symbol.asyncIterator]();
        const got = await take(iterator, 2, 20_000);
        expect(got.map((e) => e.revision)).toEqual([0n, 2n]);
        await store.append(id, [event('Dropped'), event('Kept')], { expectedRevision: 2n });
        expect((await take(iterator, 1)).map((e) => e.revision)).toEqual([4n]);
      }, 30_000);

      it('resumes exactly after a checkpoint taken from a delivered event', async () => {
        const cat = category();
        const filter = { streamPrefixes: [`${cat}-`] };
        const id = stream(cat);
        const start = await positionOfLastEvent();
        await store.append(id, events(4), { expectedRevision: 'no_stream' });
        const first = subscribe({ fromPosition: start, filter });
        const got = await take(first[Symbol.asyncIterator](), 2);
        await first.close();
        const checkpoint = store.positions.encode(got[1]!.position);
        const resumed = subscribe({ fromPosition: store.positions.decode(checkpoint), filter })[Symbol.asyncIterator]();
        expect((await take(resumed, 2)).map((e) => e.revision)).toEqual([2n, 3n]);
      });

      it('close() ends the iteration cleanly, also while it waits for events', async () => {
        const cat = category();
        const subscription = subscribe({ fromPosition: await positionOfLastEvent(), filter: { streamPrefixes: [`${cat}-`] } });
        const iterator = subscription[Symbol.asyncIterator]();
        const pending = iterator.next();
        await new Promise((r) => setTimeout(r, 100));
        await subscription.close();
        await expect(pending).resolves.toEqual({ done: true, value: undefined });
        await expect(iterator.next()).resolves.toMatchObject({ done: true });

        const loop = subscribe({ filter: { streamPrefixes: [`${cat}-`] } });
        await store.append(stream(cat), [event()], { expectedRevision: 'no_stream' });
        let seen = 0;
        for await (const _ of loop) {
          seen++;
          await loop.close();
        }
        expect(seen).toBe(1);
      });
    });
  });
}
