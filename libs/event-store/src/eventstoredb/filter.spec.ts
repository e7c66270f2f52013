import { isSystemEvent, matchesFilter, toServerFilter } from './filter.js';

describe('EventStoreDB filters', () => {
  it("never lets EventStoreDB's own events through", () => {
    expect(isSystemEvent('$stats-127.0.0.1:2113', '$statsCollected')).toBe(true);
    expect(isSystemEvent('$$family-1', '$metadata')).toBe(true);
    expect(isSystemEvent('$ce-family', '$>')).toBe(true);
    expect(matchesFilter('$settings', 'settings', undefined)).toBe(false);
    expect(matchesFilter('family-1', 'FamilyAccountCreated', undefined)).toBe(true);
  });

  it('applies stream prefixes and event types together', () => {
    const filter = { streamPrefixes: ['family-', 'invoice-'], eventTypes: ['FamilyAccountCreated', 'InvoiceIssued'] };
    expect(matchesFilter('family-1', 'FamilyAccountCreated', filter)).toBe(true);
    expect(matchesFilter('invoice-9', 'InvoiceIssued', filter)).toBe(true);
    expect(matchesFilter('family-1', 'GuardianAdded', filter)).toBe(false);
    expect(matchesFilter('reservation-1', 'FamilyAccountCreated', filter)).toBe(false);
    expect(matchesFilter('family-1', 'FamilyAccountCreatedV2', { eventTypes: ['FamilyAccountCreated'] })).toBe(false);
    expect(matchesFilter('family-1', 'X', { streamPrefixes: [] })).toBe(false);
  });

  it('gives the server one dimension: prefixes first, else exact types, else no system events', () => {
    expect(toServerFilter({ streamPrefixes: ['family-'], eventTypes: ['A'] })).toMatchObject({
      filterOn: 'streamName',
      prefixes: ['family-'],
    });
    const byType = toServerFilter({ eventTypes: ['Invoice.Issued', 'A'] });
    expect(byType).toMatchObject({ filterOn: 'eventType' });
    const regex = new RegExp((byType as { regex: string }).regex);
    expect(regex.test('Invoice.Issued')).toBe(true);
    expect(regex.test('InvoiceXIssued')).toBe(false);
    expect(regex.test('A')).toBe(true);
    expect(regex.test('AB')).toBe(false);
    expect(toServerFilter(undefined)).toMatchObject({ filterOn: 'eventType', regex: '^[^$].*' });
    expect(toServerFilter({ eventTypes: [] })).toMatchObject({ regex: '^$' });
  });
});
