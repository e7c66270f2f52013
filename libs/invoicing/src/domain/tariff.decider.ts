import { streamName } from '#ardoise/kernel';
import type { Decider, DomainEvent } from '#ardoise/commands';
import { assertValidBrackets, type Tariff } from './tariff.js';

export const TARIFF_SET = 'TariffSet';

/** A service's price grid from `effectiveFrom` on; stream `tariff-<serviceCode>`. */
export type TariffSet = DomainEvent<typeof TARIFF_SET, Tariff>;

export const tariffStream = (serviceCode: string) => streamName('tariff', serviceCode);

export interface SetTariff {
  type: 'SetTariff';
  tariff: Omit<Tariff, 'version'>;
  /** The demo seed: do nothing when the service already has a price grid. */
  unlessDecided?: boolean;
}

export interface TariffState {
  versions: Tariff[];
}

/**
 * A tariff is never edited: a change is a new version with its effective date, so that an
 * invoice can always say which grid it applied, and a past month re-billed (a correction)
 * is priced as it was.
 */
export const tariffDecider: Decider<TariffState, SetTariff, TariffSet> = {
  initialState: () => ({ versions: [] }),
  evolve: (state, event) => ({ versions: [...state.versions, event.data] }),
  decide: (command, state) => {
    const { tariff } = command;
    assertValidBrackets(tariff.brackets, [tariff.lateBookingSurchargeCents, tariff.unbookedPresenceSurchargeCents]);
    const last = state.versions.at(-1);
    if (last && (command.unlessDecided || same(last, tariff))) return [];
    return [{ type: TARIFF_SET, data: { ...tariff, version: state.versions.length + 1 } }];
  },
};

/** Re-sending the grid in force is a no-op (idempotent set). */
function same(a: Tariff, b: Omit<Tariff, 'version'>): boolean {
  const grid = (t: Omit<Tariff, 'version'>) =>
    JSON.stringify([
      t.effectiveFrom,
      t.lateBookingSurchargeCents,
      t.unbookedPresenceSurchargeCents,
      t.brackets.map((x) => [x.code, x.label, x.qfFrom, x.qfTo, x.unitPriceCents, x.cantineAUnEuro ?? false]),
    ]);
  return grid(a) === grid(b);
}
