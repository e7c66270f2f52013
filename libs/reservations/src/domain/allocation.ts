import { createHash } from 'node:crypto';
import type { AllocationPriority } from '#ardoise/catalogue';

/** One family's requests during an allocation window, across the whole holiday period. */
export interface AllocationCandidate {
  familyId: string;
  /** Distinct children of the family who asked. */
  children: number;
  /** Days requested per child (the most of any child). */
  daysRequested: number;
}

/**
 * The order in which families get places after a request window: the town's priority
 * rules first (in the order it gave them), then a lottery drawn from a published seed, so
 * that anyone can replay the draw and get the same order. A family keeps the same rank for
 * every day of the period (a lottery per day would split siblings and weeks).
 */
/** A family's draw in the lottery: anyone holding the published seed can compute it again. */
export const lotteryDraw = (seed: string, familyId: string): string => createHash('sha256').update(`${seed}:${familyId}`).digest('hex');

export function rankFamilies(candidates: AllocationCandidate[], priorities: AllocationPriority[], seed: string, periodDays: number): string[] {
  const lottery = (familyId: string) => lotteryDraw(seed, familyId);
  const score = (c: AllocationCandidate) =>
    priorities.map((p) => {
      switch (p) {
        case 'full_period':
          return c.daysRequested >= periodDays ? 1 : 0;
        case 'siblings':
          return c.children > 1 ? 1 : 0;
      }
    });
  const keyed = candidates.map((c) => ({ familyId: c.familyId, score: score(c), draw: lottery(c.familyId) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < a.score.length; i++) if (a.score[i] !== b.score[i]) return b.score[i] - a.score[i];
    return a.draw < b.draw ? -1 : a.draw > b.draw ? 1 : 0;
  });
  return keyed.map((k) => k.familyId);
}
