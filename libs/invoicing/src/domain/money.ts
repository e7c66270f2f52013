/**
 * Money is held in integer cents everywhere (no floating point in any total). Formatting
 * for people is French: "1 234,56 €".
 */
export type Cents = number;

const euroFormat = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const decimalFormat = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: true });

/** "12,50 €" (narrow no-break spaces replaced by plain ones for PDFs and CSV readers). */
export function formatEuros(cents: Cents): string {
  return euroFormat.format(cents / 100).replace(/[\u202f\u00a0]/g, ' ');
}

/** "1 234,56": a French decimal for CSV columns (Excel in French reads it as a number). */
export function formatDecimal(cents: Cents): string {
  return decimalFormat.format(cents / 100).replace(/[\u202f\u00a0]/g, ' ');
}

/** "2026-03-05" → "05/03/2026". */
export function formatFrenchDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

export const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
