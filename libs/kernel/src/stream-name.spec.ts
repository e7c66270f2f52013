import { categoryPrefix, streamCategory, streamName } from './stream-name.js';

describe('stream names <category>-<id>', () => {
  it('reads back the category a name was built with, whatever dashes the id holds', () => {
    const day = streamName('service_day', 'CANTINE', '2026-09-14');
    expect(day).toBe('service_day-CANTINE-2026-09-14');
    expect(streamCategory(day)).toBe('service_day');
    expect(streamCategory(streamName('family', '0b6f1c2e-8d1a-4c3b-9a51-3c1f2e4d5a6b'))).toBe('family');
    expect(streamCategory('calendar')).toBe('calendar');
  });

  it('refuses a category with a dash, which would be read back as a shorter one', () => {
    expect(() => streamName('service-day', 'CANTINE', '2026-09-14')).toThrow(/Invalid stream category/);
    expect(() => streamName('Family', 'x')).toThrow(/Invalid stream category/);
    expect(() => streamName('family')).toThrow(/non-empty id/);
  });

  it('selects a category by a prefix that no other category shares', () => {
    expect(streamName('service_day', 'X', '2026-01-01').startsWith(categoryPrefix('service'))).toBe(false);
    expect(streamName('service', 'CANTINE').startsWith(categoryPrefix('service'))).toBe(true);
  });
});
