import { MatTableDataSource } from '@angular/material/table';

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/**
 * A Material table's data source for the back office's dense lists: the filter ignores case
 * and accents (« helene » finds « Hélène ») over the text each row gives, and sorting reads
 * the value each column gives (French collation for text).
 */
export function staffTableData<T>(text: (row: T) => string, sortValue: (row: T, column: string) => string | number | null): MatTableDataSource<T> {
  const source = new MatTableDataSource<T>([]);
  source.filterPredicate = (row, filter) => fold(text(row)).includes(fold(filter));
  source.sortingDataAccessor = (row, column) => {
    const value = sortValue(row, column);
    return typeof value === 'string' ? fold(value) : (value ?? '');
  };
  return source;
}
