import type { ColumnType } from 'kysely';
import type { ServiceKind } from '../domain/service-kind.js';

/**
 * The catalogue's read-model tables as its queries see them (each name is a view on the active
 * generation, docs/projections.md). One interface per context, beside its projectors: a query
 * that names a missing column or compares a column with the wrong type does not compile.
 * Projectors write through the physical generation tables the engine hands them (untyped).
 */
export interface CatalogueDatabase {
  catalogue_services: ServicesTable;
}

export interface ServicesTable {
  code: string;
  label: string;
  kind: ServiceKind;
  weekdays: number[];
  daily_capacity: number | null;
  defined_at: ColumnType<Date, string, string>;
}
