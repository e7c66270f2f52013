import { createHash } from 'node:crypto';
import { availableParallelism, getPriority } from 'node:os';
import { performance } from 'node:perf_hooks';
import { cpuByNiceSince, threadsNow } from '../../../../test/support/thread-cpu.js';
import { PasswordChecksBusyError, PasswordHasher, type PasswordHasherSettings } from './password-hasher.js';

/** Made by the code before the pool (@node-rs/argon2's async hash, same parameters). */
const HASH_BEFORE_THE_POOL = '$argon2id$v=19$m=19456,t=2,p=1$8AxssqS4lj/v797tkYL02Q$qTWMx/97cCc7I1/RH3EcPhgq9Kj91Oe9meMuKvzW6lk';
const ITS_PASSWORD = 'Goûter-du-mercredi-2026';

const hashers: PasswordHasher[] = [];
const hasher = (settings: Partial<PasswordHasherSettings> = {}) => {
  const created = new PasswordHasher({ threads: 2, queue: 1_000, waitMs: 30_000, ...settings });
  hashers.push(created);
  return created;
};
afterEach(async () => {
  await Promise.all(hashers.splice(0).map((h) => h.close()));
});

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('PasswordHasher', () => {
  it("hashes with argon2id at OWASP's minimum and checks the hashes made before it", async () => {
    const passwords = hasher();
    const made = await passwords.hash('Cantine-du-lundi-2026');
    expect(made).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await passwords.verify(made, 'Cantine-du-lundi-2026')).toBe(true);
    expect(await passwords.verify(made, 'Cantine-du-mardi-2026')).toBe(false);
    expect(await passwords.verify(HASH_BEFORE_THE_POOL, ITS_PASSWORD)).toBe(true);
    expect(await passwords.verify(HASH_BEFORE_THE_POOL, 'Goûter-du-jeudi-2026')).toBe(false);
    expect(await passwords.verify('not an argon2 hash', ITS_PASSWORD)).toBe(false);
  });

  it('runs the hashes in threads at the lowest CPU priority, the calling thread left as it was', async () => {
    const priority = getPriority(); // this thread's (the event loop's): 0 unless the run itself is niced
    const passwords = hasher();
    await passwords.verify(HASH_BEFORE_THE_POOL, ITS_PASSWORD); // the threads start (their start-up is not a hash)
    const before = threadsNow();
    await Promise.all(Array.from({ length: 24 }, () => passwords.verify(HASH_BEFORE_THE_POOL, 'Mauvais-mot-de-passe')));
    const used = cpuByNiceSince(before);
    const total = Object.values(used).reduce((a, b) => a + b, 0);
    // 24 checks of ≈ 10 ms each: nearly all of this process's CPU meanwhile, at nice 19.
    expect(used[19] ?? 0).toBeGreaterThanOrEqual(100);
    expect((used[19] ?? 0) / total).toBeGreaterThan(0.7);
    expect(getPriority()).toBe(priority); // only the hashing threads were lowered
  });

  it('checks an unknown account against a decoy: never a match, the same work as a wrong password', async () => {
    const passwords = hasher({ threads: 1 });
    await passwords.verify(HASH_BEFORE_THE_POOL, ITS_PASSWORD);
    const work = async (passwordHash: string | undefined) => {
      const before = threadsNow();
      const answers = await Promise.all(Array.from({ length: 16 }, () => passwords.verify(passwordHash, ITS_PASSWORD + '!')));
      return { answers, cpuMs: cpuByNiceSince(before)[19] ?? 0 };
    };
    const unknown = await work(undefined);
    const wrong = await work(HASH_BEFORE_THE_POOL);
    expect(unknown.answers.every((a) => a === false)).toBe(true);
    expect(wrong.answers.every((a) => a === false)).toBe(true);
    expect(unknown.cpuMs).toBeGreaterThan(60); // 16 argon2id checks, not 16 early answers
    expect(unknown.cpuMs / wrong.cpuMs).toBeGreaterThan(0.5);
    expect(unknown.cpuMs / wrong.cpuMs).toBeLessThan(2);
  });

  it("leaves the CPU to the event loop's thread while more threads than cores hash", async () => {
    const threads = 3 * availableParallelism();
    const passwords = hasher({ threads });
    await Promise.all(Array.from({ length: threads }, () => passwords.verify(HASH_BEFORE_THE_POOL, ITS_PASSWORD)));
    // A fixed piece of work on this thread, timed: alone, beside the hashing threads, alone again.
    const piece = () => {
      const started = performance.now();
      let digest = Buffer.alloc(64);
      for (let i = 0; i < 4_000; i++) digest = createHash('sha256').update(digest).digest();
      return performance.now() - started;
    };
    const timed = () => median(Array.from({ length: 40 }, piece));
    const attempt = async () => {
      const aloneBefore = timed();
      let running = true;
      const crowd = Array.from({ length: threads }, async () => {
        while (running) await passwords.verify(HASH_BEFORE_THE_POOL, 'Mauvais-mot-de-passe');
      });
      await new Promise((resolve) => setTimeout(resolve, 50)); // every thread given a check
      const beside = timed();
      running = false;
      await Promise.all(crowd); // the checks end (on a busy machine, in the CPU time left over)
      return beside / Math.max(aloneBefore, timed());
    };
    // At this thread's priority, 3 hashing threads a core would leave it a quarter of a core
    // (about 4 times as long, in theory, on a quiet machine). The machine's other load weighs on both
    // sides and can only hide the difference: the slower lone timing is the yardstick, and one
    // of three attempts is enough, so that a burst of other work does not fail the test.
    const ratios: number[] = [];
    while (ratios.length < 3 && !ratios.some((r) => r < 1.5)) ratios.push(await attempt());
    expect(Math.min(...ratios)).toBeLessThan(1.5);
  });

  it('refuses a check at once past the queue, and after its wait, with when to come back', async () => {
    const passwords = hasher({ threads: 1, queue: 1, waitMs: 1_000 });
    const first = passwords.verify(HASH_BEFORE_THE_POOL, ITS_PASSWORD);
    const second = passwords.verify(HASH_BEFORE_THE_POOL, ITS_PASSWORD);
    const third = passwords.verify(HASH_BEFORE_THE_POOL, ITS_PASSWORD).catch((error: unknown) => error);
    const refused = await third;
    expect(refused).toBeInstanceOf(PasswordChecksBusyError);
    expect(refused).toMatchObject({ status: 503, code: 'AUTH.BUSY', retryAfterSeconds: 1 });
    expect((refused as PasswordChecksBusyError).title).toBe('Beaucoup de connexions sont en cours : réessayez dans 1 seconde.');
    expect(await first).toBe(true);
    expect(await second).toBe(true);

    // A new hasher knows no pace yet: the 60 all wait, and those still waiting after 100 ms are refused.
    const waits = hasher({ threads: 1, queue: 1_000, waitMs: 100 });
    const started = performance.now();
    const outcomes = await Promise.all(
      Array.from({ length: 60 }, () =>
        waits.verify(HASH_BEFORE_THE_POOL, ITS_PASSWORD).then(
          () => ({ ok: true, ms: performance.now() - started }),
          (error: unknown) => ({ ok: false, ms: performance.now() - started, busy: error instanceof PasswordChecksBusyError }),
        ),
      ),
    );
    const done = outcomes.filter((o) => o.ok).length;
    // In the order they came: the first ones checked, the rest refused after waiting 100 ms.
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(60);
    expect(outcomes.slice(0, done).every((o) => o.ok)).toBe(true);
    for (const o of outcomes.slice(done)) expect(o).toMatchObject({ ok: false, busy: true });
    expect(Math.min(...outcomes.slice(done).map((o) => o.ms))).toBeGreaterThanOrEqual(99);
  });

  it('refuses at once a check whose turn would come after the wait, at the pace of the last checks', async () => {
    const passwords = hasher({ threads: 1, queue: 1_000, waitMs: 100 });
    for (let i = 0; i < 3; i++) await passwords.verify(HASH_BEFORE_THE_POOL, ITS_PASSWORD); // its pace: ≥ 5 ms a check
    const started = performance.now();
    const outcomes = await Promise.all(
      Array.from({ length: 60 }, () =>
        passwords.verify(HASH_BEFORE_THE_POOL, ITS_PASSWORD).then(
          () => ({ ok: true, ms: performance.now() - started }),
          () => ({ ok: false, ms: performance.now() - started }),
        ),
      ),
    );
    const done = outcomes.filter((o) => o.ok).length;
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThanOrEqual(21); // the one running, and at most 100 ms / 5 ms waiting
    expect(outcomes.slice(0, done).every((o) => o.ok)).toBe(true);
    // The others were told at once, not after waiting 100 ms.
    expect(outcomes.slice(done).filter((o) => o.ms < 50).length).toBeGreaterThanOrEqual(60 - 21);
    expect(() => passwords.assertAccepting()).not.toThrow(); // all done: the next one is taken
  });

  it('refuses what waits when closed, lets what runs end, and stops its threads', async () => {
    const passwords = hasher({ threads: 1 });
    const running = passwords.verify(HASH_BEFORE_THE_POOL, ITS_PASSWORD);
    await new Promise((resolve) => setImmediate(resolve)); // handed to a thread
    const waiting = passwords.verify(HASH_BEFORE_THE_POOL, ITS_PASSWORD).catch((error: unknown) => error);
    await passwords.close();
    expect(await running).toBe(true);
    expect(await waiting).toBeInstanceOf(PasswordChecksBusyError);
    await expect(passwords.hash('Cantine-du-lundi-2026')).rejects.toBeInstanceOf(PasswordChecksBusyError);
    expect([...threadsNow().values()].filter((t) => t.nice === 19)).toEqual([]);
  });
});
