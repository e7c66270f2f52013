import { stringify } from 'csv-stringify/sync';
import type { Response } from 'express';
import { formatDecimal, formatFrenchDate } from '../domain/money.js';

export type CsvCell = string | number | null | undefined | { cents: number } | { date: string | null };

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvCell;
}

const BOM = '\uFEFF';

/**
 * A CSV that Excel in French opens as it should: UTF-8 with a BOM, `;` between columns,
 * decimal commas (`1 234,56`), dates `JJ/MM/AAAA`, CRLF line ends.
 */
export function frenchCsv<T>(columns: CsvColumn<T>[], rows: readonly T[]): string {
  const records = rows.map((row) =>
    columns.map((c) => {
      const v = c.value(row);
      if (v === null || v === undefined) return '';
      if (typeof v === 'object' && 'cents' in v) return formatDecimal(v.cents);
      if (typeof v === 'object' && 'date' in v) return v.date ? formatFrenchDate(v.date) : '';
      return typeof v === 'number' ? String(v).replace('.', ',') : v;
    }),
  );
  return BOM + stringify(records, { header: true, columns: columns.map((c) => c.header), delimiter: ';', record_delimiter: '\r\n', quoted_match: /[;"\r\n]/ });
}

export function sendCsv(response: Response, fileName: string, content: string): string {
  response.setHeader('Content-Type', 'text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  return content;
}
