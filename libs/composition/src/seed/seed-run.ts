import type { INestApplicationContext } from '@nestjs/common';
import type { CommandBus } from '@nestjs/cqrs';
import { runInContext, systemContext, type Actor, type FixedClock } from '#ardoise/commands';
import type { Infrastructure } from '#ardoise/runtime';
import type { ArrivalOrder } from './arrival-order.js';
import type { SeededFamily } from './town-families.js';

/** What every step of the seed works with. */
export interface SeedRun {
  app: INestApplicationContext;
  infrastructure: Infrastructure;
  commands: CommandBus;
  clock: FixedClock;
  arrivals: ArrivalOrder;
  /** The seed number. */
  seed: number;
  /** Commands in flight at once (families served at once). */
  concurrency: number;
}

export const AGENT: Actor = { userId: 'seed-agent', role: 'agent' };
export const FINANCE: Actor = { userId: 'seed-finance', role: 'finance' };
export const parentOf = (family: SeededFamily): Actor => ({ userId: `seed-parent-${family.familyId}`, role: 'parent', familyId: family.familyId });

/** Runs `work` as `actor` would through the API (a fresh request context: correlation, actor). */
export const asActor = <T>(actor: Actor, work: () => Promise<T>): Promise<T> => runInContext(systemContext(actor), work);
