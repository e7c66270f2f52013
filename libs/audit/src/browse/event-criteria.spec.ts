import type { RecordedEvent } from '#ardoise/event-store';
import { matchesCriteria, storeFilter } from './event-criteria.js';

const event = (over: Partial<RecordedEvent> = {}): RecordedEvent => ({
  id: 'e1',
  streamId: 'family-42',
  revision: 0n,
  type: 'ChildRegistered',
  data: {},
  metadata: {
    actor: { userId: 'agent-7', role: 'agent', onBehalfOfFamilyId: '42' },
    correlationId: 'corr-1',
    causationId: 'corr-1',
    occurredAt: '2026-09-10T09:00:00.000Z',
    schemaVersion: 1,
  },
  position: {} as never,
  recordedAt: new Date('2026-09-10T09:00:00.000Z'),
  hash: 'h',
  previousHash: '',
  ...over,
});

describe('what an auditor filters the log by', () => {
  it('keeps an event that meets every criterion given', () => {
    expect(
      matchesCriteria(event(), {
        categories: ['invoice', 'family'],
        eventTypes: ['ChildRegistered'],
        actorId: 'agent-7',
        onBehalfOfFamilyId: '42',
        correlationId: 'corr-1',
        from: new Date('2026-09-10T09:00:00Z'),
        to: new Date('2026-09-10T09:00:01Z'),
      }),
    ).toBe(true);
  });

  it.each([
    ['another category', { categories: ['invoice'] }],
    ['a category that is only a prefix of the real one', { categories: ['fam'] }],
    ['another type', { eventTypes: ['GuardianAdded'] }],
    ['another actor', { actorId: 'agent-8' }],
    ['another correlation', { correlationId: 'corr-2' }],
    ['a period that ends at the instant (exclusive)', { to: new Date('2026-09-10T09:00:00Z') }],
    ['a period that starts after it', { from: new Date('2026-09-10T09:00:00.001Z') }],
  ])('leaves out an event of %s', (_label, criteria) => {
    expect(matchesCriteria(event(), criteria)).toBe(false);
  });

  it('lets the store filter by category (as a stream prefix), type and period of recording (its index)', () => {
    expect(storeFilter({ categories: ['family'], eventTypes: ['ChildRegistered'], actorId: 'x' })).toEqual({
      streamPrefixes: ['family-'],
      eventTypes: ['ChildRegistered'],
    });
    const from = new Date('2026-09-01T00:00:00Z');
    const to = new Date('2026-10-01T00:00:00Z');
    expect(storeFilter({ from, to, actorId: 'x' })).toEqual({ recordedFrom: from, recordedBefore: to });
    expect(storeFilter({ actorId: 'x' })).toBeUndefined();
  });

  it('finds the events of one reservation by the values their data mention (a child, a day), and a stream by the start of its id', () => {
    const booked = event({ streamId: 'basket-42', data: { childId: 'child-clara-0001', date: '2026-09-14', lines: [{ serviceCode: 'CANTINE' }] } });
    expect(matchesCriteria(booked, { mentions: ['child-clara-0001', '2026-09-14'] })).toBe(true);
    expect(matchesCriteria(booked, { mentions: ['CANTINE'] })).toBe(true);
    expect(matchesCriteria(booked, { mentions: ['child-clara-0001', '2026-09-15'] })).toBe(false);
    expect(matchesCriteria(booked, { mentions: ['2026'] })).toBe(false); // short values match whole values only
    expect(matchesCriteria(booked, { streamPrefix: 'basket-4' })).toBe(true);
    expect(matchesCriteria(booked, { streamPrefix: 'basket-5' })).toBe(false);
    expect(storeFilter({ streamPrefix: 'basket-42', categories: ['basket'] })).toEqual({ streamPrefixes: ['basket-42'] });
  });

  it('a period is the time the store recorded the event, not the time the writer claims', () => {
    const claimedEarlier = event({ metadata: { ...event().metadata, occurredAt: '2020-01-01T00:00:00.000Z' } });
    expect(matchesCriteria(claimedEarlier, { from: new Date('2026-09-10T00:00:00Z') })).toBe(true);
  });
});
