import { RuleViolationError, ValidationError, type LocalDate } from '#ardoise/kernel';
import type { Cents } from './money.js';

/**
 * A price bracket by quotient familial (QF, in euros): QF in [qfFrom, qfTo] (qfTo null =
 * no upper bound). `cantineAUnEuro` marks the bracket of the State's "cantine à 1 €"
 * scheme (tarification sociale): its meals are counted for the State's claim.
 */
export interface TariffBracket {
  code: string;
  label: string;
  qfFrom: number;
  qfTo: number | null;
  unitPriceCents: Cents;
  cantineAUnEuro?: boolean;
}

/** A service's price grid from a date on (a new grid is a new version, never an edit). */
export interface Tariff {
  serviceCode: string;
  version: number;
  effectiveFrom: LocalDate;
  brackets: TariffBracket[];
  /** Per day booked after the deadline (agent override). */
  lateBookingSurchargeCents: Cents;
  /** Per day present without a booking. */
  unbookedPresenceSurchargeCents: Cents;
}

/** A quotient familial the family proved, valid between two days (both included). */
export interface QuotientPeriod {
  amount: number;
  validFrom: LocalDate;
  validUntil: LocalDate;
}

/** The QF in force on `date`: the last one set that covers the day, or none. */
export function quotientOn(periods: readonly QuotientPeriod[], date: LocalDate): number | null {
  for (let i = periods.length - 1; i >= 0; i--) {
    const period = periods[i];
    if (period.validFrom <= date && date <= period.validUntil) return period.amount;
  }
  return null;
}

/** The bracket for a QF; the highest bracket when the family gave no valid QF. */
export function bracketFor(tariff: Tariff, quotient: number | null): TariffBracket {
  const brackets = tariff.brackets;
  if (quotient === null) return brackets[brackets.length - 1];
  return brackets.find((b) => quotient >= b.qfFrom && (b.qfTo === null || quotient <= b.qfTo)) ?? brackets[brackets.length - 1];
}

/** Every version of every service's tariff, looked up by day. */
export class TariffBook {
  private readonly byService = new Map<string, Tariff[]>();

  constructor(tariffs: readonly Tariff[]) {
    for (const tariff of tariffs) {
      const list = this.byService.get(tariff.serviceCode) ?? [];
      list.push(tariff);
      this.byService.set(tariff.serviceCode, list);
    }
    // Latest effective date first; for the same date, the latest version wins.
    for (const list of this.byService.values()) {
      list.sort((a, b) => (a.effectiveFrom === b.effectiveFrom ? b.version - a.version : a.effectiveFrom < b.effectiveFrom ? 1 : -1));
    }
  }

  /** One version of a service's grid (the one an invoice line recorded), if it exists. */
  version(serviceCode: string, version: number): Tariff | undefined {
    return this.byService.get(serviceCode)?.find((t) => t.version === version);
  }

  /** The tariff in force for `serviceCode` on `date`. */
  tariffOn(serviceCode: string, date: LocalDate): Tariff {
    const tariff = this.byService.get(serviceCode)?.find((t) => t.effectiveFrom <= date);
    if (!tariff) {
      throw new RuleViolationError('BILLING.NO_TARIFF', 'Aucun tarif n’est en vigueur pour cette prestation à cette date.', `${serviceCode} ${date}`, {
        serviceCode,
        date,
      });
    }
    return tariff;
  }

  all(): Tariff[] {
    return [...this.byService.values()].flat();
  }
}

/** Refuses a grid that would leave a QF without a price or price one twice. */
export function assertValidBrackets(brackets: readonly TariffBracket[], surcharges: Cents[]): void {
  const problems: string[] = [];
  if (brackets.length === 0) problems.push('Au moins une tranche est nécessaire.');
  const codes = new Set<string>();
  brackets.forEach((bracket, i) => {
    if (codes.has(bracket.code)) problems.push(`La tranche ${bracket.code} apparaît deux fois.`);
    codes.add(bracket.code);
    if (!Number.isSafeInteger(bracket.unitPriceCents) || bracket.unitPriceCents < 0) problems.push(`Prix invalide pour la tranche ${bracket.code}.`);
    if (bracket.cantineAUnEuro && bracket.unitPriceCents > 100) problems.push(`La tranche « cantine à 1 € » ${bracket.code} ne peut dépasser 1,00 €.`);
    const expectedFrom = i === 0 ? 0 : (brackets[i - 1].qfTo ?? Number.NaN) + 1;
    if (bracket.qfFrom !== expectedFrom) problems.push(`La tranche ${bracket.code} doit commencer au QF ${expectedFrom}.`);
    const last = i === brackets.length - 1;
    if (last && bracket.qfTo !== null) problems.push('La dernière tranche doit être sans plafond.');
    if (!last && (bracket.qfTo === null || bracket.qfTo < bracket.qfFrom)) problems.push(`Plafond invalide pour la tranche ${bracket.code}.`);
  });
  if (surcharges.some((s) => !Number.isSafeInteger(s) || s < 0)) problems.push('Les majorations sont des montants positifs en centimes.');
  if (problems.length > 0) throw new ValidationError([{ field: 'brackets', messages: problems }], 'Grille tarifaire invalide.');
}
