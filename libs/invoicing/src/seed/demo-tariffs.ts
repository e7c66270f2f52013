import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { TariffBracket } from '../domain/tariff.js';
import { SetServiceTariff } from '../commands/set-service-tariff/set-service-tariff.command.js';

const grid = (prices: [number, number, number, number], cantineAUnEuro = false): TariffBracket[] => [
  { code: 'T1', label: 'QF de 0 à 600 €', qfFrom: 0, qfTo: 600, unitPriceCents: prices[0], ...(cantineAUnEuro ? { cantineAUnEuro: true } : {}) },
  { code: 'T2', label: 'QF de 601 à 900 €', qfFrom: 601, qfTo: 900, unitPriceCents: prices[1] },
  { code: 'T3', label: 'QF de 901 à 1 300 €', qfFrom: 901, qfTo: 1300, unitPriceCents: prices[2] },
  { code: 'T4', label: 'QF au-delà de 1 300 € ou non fourni', qfFrom: 1301, qfTo: null, unitPriceCents: prices[3] },
];

/** Saint-Ardoise's price list, for the services that have none yet (a grid the town set stays). */
export async function seedDemoTariffs(app: INestApplicationContext): Promise<void> {
  const commands = app.get(CommandBus);
  const from = '2025-09-01';
  const set = (tariff: SetServiceTariff['tariff']) => commands.execute(new SetServiceTariff(tariff, true));
  await set({
    serviceCode: 'CANTINE',
    effectiveFrom: from,
    brackets: grid([100, 280, 390, 470], true),
    lateBookingSurchargeCents: 100,
    unbookedPresenceSurchargeCents: 200,
  });
  await set({
    serviceCode: 'MATIN',
    effectiveFrom: from,
    brackets: grid([60, 110, 160, 200]),
    lateBookingSurchargeCents: 50,
    unbookedPresenceSurchargeCents: 300,
  });
  await set({
    serviceCode: 'SOIR',
    effectiveFrom: from,
    brackets: grid([90, 160, 230, 290]),
    lateBookingSurchargeCents: 50,
    unbookedPresenceSurchargeCents: 300,
  });
  await set({
    serviceCode: 'MERCREDI',
    effectiveFrom: from,
    brackets: grid([500, 850, 1200, 1550]),
    lateBookingSurchargeCents: 200,
    unbookedPresenceSurchargeCents: 500,
  });
  await set({
    serviceCode: 'VACANCES',
    effectiveFrom: from,
    brackets: grid([600, 950, 1300, 1700]),
    lateBookingSurchargeCents: 200,
    unbookedPresenceSurchargeCents: 500,
  });
}
