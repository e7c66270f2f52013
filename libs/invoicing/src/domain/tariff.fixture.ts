import type { BillableDay } from './billing.js';
import type { Tariff, TariffBracket } from './tariff.js';

/** Fixtures that read like the town's price list (used by specs and API tests). */
export const brackets = (t1: number, t2: number, t3: number, options: { cantineAUnEuro?: boolean } = {}): TariffBracket[] => [
  { code: 'T1', label: 'QF de 0 à 500 €', qfFrom: 0, qfTo: 500, unitPriceCents: t1, ...(options.cantineAUnEuro ? { cantineAUnEuro: true } : {}) },
  { code: 'T2', label: 'QF de 501 à 1 000 €', qfFrom: 501, qfTo: 1000, unitPriceCents: t2 },
  { code: 'T3', label: 'QF au-delà de 1 000 € ou non fourni', qfFrom: 1001, qfTo: null, unitPriceCents: t3 },
];

export function aTariff(
  serviceCode: string,
  effectiveFrom: string,
  grid: TariffBracket[],
  surcharges: { late?: number; unbooked?: number } = {},
  version = 1,
): Tariff {
  return {
    serviceCode,
    version,
    effectiveFrom,
    brackets: grid,
    lateBookingSurchargeCents: surcharges.late ?? 0,
    unbookedPresenceSurchargeCents: surcharges.unbooked ?? 0,
  };
}

/** `aDay('léa', 'CANTINE', '2026-03-02').booked()`. */
export function aDay(childId: string, serviceCode: string, date: string) {
  const day: BillableDay = { childId, serviceCode, date, booked: false, lateBooking: false, attendance: null, absenceJustified: false };
  const api = {
    booked: () => ((day.booked = true), api),
    late: () => ((day.lateBooking = true), api),
    present: () => ((day.attendance = 'present'), api),
    presentWithoutBooking: () => ((day.attendance = 'present_without_booking'), api),
    absent: () => ((day.attendance = 'absent'), api),
    justified: () => ((day.absenceJustified = true), api),
    build: () => ({ ...day }),
  };
  return api;
}
