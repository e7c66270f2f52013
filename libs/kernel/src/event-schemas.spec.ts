import { EventSchemas } from './event-schemas.js';

const recorded = (schemaVersion: number | undefined, data: unknown) => ({ type: 'Booked', data, metadata: { schemaVersion, actor: 'x' } });

describe('event versions', () => {
  const schemas = new EventSchemas();
  schemas.define('Booked', {
    version: 3,
    upcasters: {
      1: (data: { child: string }) => ({ childName: data.child }),
      2: (data: { childName: string }) => ({ ...data, places: 1 }),
    },
  });

  it('upcasts an old event step by step to the current version, and says so in its metadata', () => {
    const old = recorded(1, { child: 'Léa' });
    expect(schemas.upcast(old)).toEqual({ type: 'Booked', data: { childName: 'Léa', places: 1 }, metadata: { schemaVersion: 3, actor: 'x' } });
    expect(old.data).toEqual({ child: 'Léa' }); // the stored event is left as it was
    expect(schemas.upcast(recorded(undefined, { child: 'Léo' })).data).toEqual({ childName: 'Léo', places: 1 });
  });

  it('hands back a current event (or one of an undefined type) as it is', () => {
    const current = recorded(3, { childName: 'Léa', places: 2 });
    expect(schemas.upcast(current)).toBe(current);
    const other = { type: 'Other', data: {}, metadata: { schemaVersion: 1 } };
    expect(schemas.upcast(other)).toBe(other);
    expect(schemas.versionOf('Booked')).toBe(3);
    expect(schemas.versionOf('Other')).toBe(1);
  });

  it('refuses a definition with a missing step or a conflicting second definition', () => {
    expect(() => schemas.define('Gap', { version: 3, upcasters: { 1: (d) => d } })).toThrow(/from version 2 to 3/);
    expect(() => schemas.define('Booked', { version: 4, upcasters: { 1: (d) => d, 2: (d) => d, 3: (d) => d } })).toThrow(/defined twice/);
  });
});
