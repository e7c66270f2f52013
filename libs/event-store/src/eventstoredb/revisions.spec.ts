import { firstNewRevision, planAppend, toPortCurrentRevision, toPortExpectedRevision } from './revisions.js';

describe('EventStoreDB revisions', () => {
  it('normalises expected revisions from the client, legacy codes included', () => {
    expect(toPortExpectedRevision('any')).toBe('any');
    expect(toPortExpectedRevision('no_stream')).toBe('no_stream');
    expect(toPortExpectedRevision('stream_exists')).toBe('stream_exists');
    expect(toPortExpectedRevision(3n)).toBe(3n);
    expect(toPortExpectedRevision(3)).toBe(3n);
    expect(toPortExpectedRevision('7')).toBe(7n);
    expect(toPortExpectedRevision(-1n)).toBe('no_stream');
    expect(toPortExpectedRevision(-2)).toBe('any');
    expect(toPortExpectedRevision('-4')).toBe('stream_exists');
  });

  it('normalises current revisions: no stream is undefined', () => {
    expect(toPortCurrentRevision('no_stream')).toBeUndefined();
    expect(toPortCurrentRevision(undefined)).toBeUndefined();
    expect(toPortCurrentRevision(-1n)).toBeUndefined();
    expect(toPortCurrentRevision(0n)).toBe(0n);
    expect(toPortCurrentRevision('12')).toBe(12n);
    expect(typeof toPortCurrentRevision(5)).toBe('bigint');
  });

  it('numbers new events from the head', () => {
    expect(firstNewRevision(undefined)).toBe(0n);
    expect(firstNewRevision(4n)).toBe(5n);
  });

  it('plans an append from the expectation and the head', () => {
    expect(planAppend('any', undefined)).toEqual({ kind: 'append' });
    expect(planAppend('any', 3n)).toEqual({ kind: 'check-tail' });
    expect(planAppend('stream_exists', undefined)).toEqual({ kind: 'conflict' });
    expect(planAppend('stream_exists', 0n)).toEqual({ kind: 'check-tail' });
    expect(planAppend('no_stream', undefined)).toEqual({ kind: 'append' });
    expect(planAppend('no_stream', 2n)).toEqual({ kind: 'check-duplicate', fromRevision: 0n });
    expect(planAppend(2n, 2n)).toEqual({ kind: 'append' });
    expect(planAppend(2n, 5n)).toEqual({ kind: 'check-duplicate', fromRevision: 3n });
    expect(planAppend(2n, 1n)).toEqual({ kind: 'conflict' });
    expect(planAppend(0n, undefined)).toEqual({ kind: 'conflict' });
  });
});
