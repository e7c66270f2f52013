import type { LocalDate } from '#ardoise/kernel';
import { sum, type Cents } from './money.js';
import { bracketFor, quotientOn, type QuotientPeriod, type TariffBook } from './tariff.js';

/** What staff marked on the attendance sheet (AttendanceRecorded). */
export type Attendance = 'present' | 'absent' | 'excused' | 'present_without_booking';

/**
 * One child × service × day as billing sees it, built by the billing-inputs projector from
 * the reservations context's events: a validated reservation not cancelled (`booked`), made
 * after the deadline on an agent's override (`lateBooking`), the attendance mark, and a
 * medical certificate (`absenceJustified`).
 */
export interface BillableDay {
  childId: string;
  serviceCode: string;
  date: LocalDate;
  booked: boolean;
  lateBooking: boolean;
  attendance: Attendance | null;
  absenceJustified: boolean;
}

export const LINE_KINDS = ['service', 'late_booking_surcharge', 'unbooked_presence_surcharge', 'justified_absence_credit'] as const;
export type LineKind = (typeof LINE_KINDS)[number];

export interface InvoiceLine {
  childId: string;
  serviceCode: string;
  kind: LineKind;
  days: number;
  unitPriceCents: Cents;
  /** Negative for a credit. */
  amountCents: Cents;
  tariffVersion: number;
  bracketCode: string;
  /** True when the bracket is the "cantine à 1 €" one (for the State's claim). */
  cantineAUnEuro: boolean;
  /** The QF the bracket was chosen from; null = no valid QF, highest bracket. */
  quotient: number | null;
  dates: LocalDate[];
}

export interface AppliedTariff {
  serviceCode: string;
  version: number;
  effectiveFrom: LocalDate;
}

export interface InvoiceDraft {
  familyId: string;
  /** The month billed, `YYYY-MM`. */
  period: string;
  lines: InvoiceLine[];
  tariffs: AppliedTariff[];
  totalCents: Cents;
}

type Charge = { kind: LineKind; sign: 1 | -1; surcharge: boolean };

/** What one day costs, by the town's rules (docs/architecture.md §4, tariffs). */
export function chargesOf(day: BillableDay): Charge[] {
  if (day.booked) {
    const service: Charge = { kind: 'service', sign: 1, surcharge: false };
    if (day.absenceJustified || day.attendance === 'excused') {
      // Booked, then excused with a certificate: shown, then credited back (free).
      return [service, { kind: 'justified_absence_credit', sign: -1, surcharge: false }];
    }
    return day.lateBooking ? [service, { kind: 'late_booking_surcharge', sign: 1, surcharge: true }] : [service];
  }
  if (day.attendance === 'present' || day.attendance === 'present_without_booking') {
    return [
      { kind: 'service', sign: 1, surcharge: false },
      { kind: 'unbooked_presence_surcharge', sign: 1, surcharge: true },
    ];
  }
  return [];
}

/**
 * One family's invoice for a month: lines per child × service × kind × price, each priced
 * with the tariff in force on its day and the bracket of the QF valid that day. Null when
 * there is nothing to pay (no invoice for nothing).
 */
export function draftInvoice(input: {
  familyId: string;
  period: string;
  days: readonly BillableDay[];
  quotients: readonly QuotientPeriod[];
  tariffs: TariffBook;
}): InvoiceDraft | null {
  const lines = new Map<string, InvoiceLine>();
  const applied = new Map<string, AppliedTariff>();
  const days = [...input.days].filter((d) => d.date.startsWith(input.period)).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const day of days) {
    const charges = chargesOf(day);
    if (charges.length === 0) continue;
    const tariff = input.tariffs.tariffOn(day.serviceCode, day.date);
    const quotient = quotientOn(input.quotients, day.date);
    const bracket = bracketFor(tariff, quotient);
    applied.set(`${tariff.serviceCode}#${tariff.version}`, { serviceCode: tariff.serviceCode, version: tariff.version, effectiveFrom: tariff.effectiveFrom });
    for (const charge of charges) {
      const unit =
        charge.kind === 'late_booking_surcharge'
          ? tariff.lateBookingSurchargeCents
          : charge.kind === 'unbooked_presence_surcharge'
            ? tariff.unbookedPresenceSurchargeCents
            : bracket.unitPriceCents;
      if (charge.surcharge && unit === 0) continue;
      const key = [day.childId, day.serviceCode, charge.kind, tariff.version, bracket.code, unit, quotient].join('|');
      const line = lines.get(key) ?? {
        childId: day.childId,
        serviceCode: day.serviceCode,
        kind: charge.kind,
        days: 0,
        unitPriceCents: unit,
        amountCents: 0,
        tariffVersion: tariff.version,
        bracketCode: bracket.code,
        cantineAUnEuro: bracket.cantineAUnEuro ?? false,
        quotient,
        dates: [],
      };
      line.days += 1;
      line.amountCents += charge.sign * unit;
      line.dates.push(day.date);
      lines.set(key, line);
    }
  }
  const ordered = [...lines.values()].sort(lineOrder);
  const totalCents = sum(ordered.map((l) => l.amountCents));
  if (ordered.length === 0 || totalCents <= 0) return null;
  return {
    familyId: input.familyId,
    period: input.period,
    lines: ordered,
    tariffs: [...applied.values()].sort((a, b) => a.serviceCode.localeCompare(b.serviceCode) || a.version - b.version),
    totalCents,
  };
}

function lineOrder(a: InvoiceLine, b: InvoiceLine): number {
  return (
    a.childId.localeCompare(b.childId) ||
    a.serviceCode.localeCompare(b.serviceCode) ||
    a.dates[0].localeCompare(b.dates[0]) ||
    LINE_KINDS.indexOf(a.kind) - LINE_KINDS.indexOf(b.kind)
  );
}

/** `2026-03` → its first and last day. */
export function monthBounds(period: string): { from: LocalDate; to: LocalDate } {
  const [year, month] = period.split('-').map(Number);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { from: `${period}-01`, to: `${period}-${String(last).padStart(2, '0')}` };
}

export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
