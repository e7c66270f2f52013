import { assertDistinctProjectors, assertValidProjector, physicalTableName, physicalTableNames } from './table-names.js';
import type { Projector } from './projector.js';

const projector = (over: Partial<Projector> = {}): Projector => ({
  name: 'catalogue-services',
  version: 1,
  filter: { streamPrefixes: ['service-'] },
  tables: [{ name: 'catalogue_services', create: async () => undefined }],
  apply: async () => undefined,
  ...over,
});

describe('physical table names', () => {
  it('suffixes the generation', () => {
    expect(physicalTableName('catalogue_services', 3)).toBe('catalogue_services__g3');
    expect(physicalTableNames(['a', 'b'], 2)).toEqual({ a: 'a__g2', b: 'b__g2' });
  });
});

describe('projector validation', () => {
  it('accepts a well-formed projector', () => {
    expect(() => assertValidProjector(projector())).not.toThrow();
  });

  it.each([
    ['a bad name', { name: 'Catalogue Services' }],
    ['a zero version', { version: 0 }],
    ['a fractional version', { version: 1.5 }],
    ['no table', { tables: [] }],
    ['a table name that is not an identifier', { tables: [{ name: 'drop table;', create: async () => undefined }] }],
    ['a table name too long for a generation suffix', { tables: [{ name: 'x'.repeat(60), create: async () => undefined }] }],
    ['a table name with the generation marker', { tables: [{ name: 'a__g1', create: async () => undefined }] }],
  ])('refuses %s', (_, over) => {
    expect(() => assertValidProjector(projector(over as Partial<Projector>))).toThrow();
  });

  it('refuses two projectors with one name or one table', () => {
    expect(() => assertDistinctProjectors([projector(), projector()])).toThrow('Two projectors');
    expect(() => assertDistinctProjectors([projector(), projector({ name: 'other' })])).toThrow('owned by both');
  });
});
