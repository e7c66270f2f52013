import { inParallel } from '#ardoise/kernel';
import { ChangeCapacity } from '#ardoise/catalogue';
import { familyStream, RegisterFamily } from '#ardoise/families';
import { seedDemoTown } from './demo-town.seed.js';
import { prng } from './seeded-random.js';
import { AGENT, asActor, type SeedRun } from './seed-run.js';
import { capacitiesFor, planFamilies, type SeededFamily } from './town-families.js';

/** The demo town's catalogue, calendar, règlement and tariffs, with places for `families` families. */
export async function openTown(run: SeedRun, families: number): Promise<void> {
  run.clock.set(new Date('2026-08-17T08:00:00Z'));
  await seedDemoTown(run.app, { info: () => undefined } as never);
  await asActor({ userId: 'seed', role: 'system' }, async () => {
    for (const [code, dailyCapacity] of Object.entries(capacitiesFor(families))) {
      await run.commands.execute(new ChangeCapacity(code, dailyCapacity));
    }
  });
}

/** The families, registered by an agent (no login: nothing to hash), in any order: each writes its own stream. */
export async function registerFamilies(run: SeedRun, count: number): Promise<SeededFamily[]> {
  const plans = planFamilies(run.seed, count);
  return inParallel(plans, run.concurrency, async ({ registration, habits, seed }, index) => {
    const { familyId } = await asActor(AGENT, () => run.commands.execute(new RegisterFamily(registration)));
    const children: string[] = [];
    for await (const event of run.infrastructure.store.readStream(familyStream(familyId)))
      if (event.type === 'ChildRegistered') children.push((event.data as { childId: string }).childId);
    return { index, familyId, children: children.map((childId, k) => ({ childId, ...habits[k]! })), random: prng(seed) };
  });
}
