import type { ResolvedEvent } from '@eventstore/db-client';
import { esdbPositionCodec } from './position.js';
import { toClientEvent, toRecordedEvent } from './event-mapping.js';

const metadata = {
  actor: { userId: 'u-1', role: 'agent' },
  correlationId: 'c-1',
  causationId: 'c-1',
  occurredAt: '2026-01-05T08:00:00.000Z',
  schemaVersion: 1,
};

describe('EventStoreDB event mapping', () => {
  it('stores the hash chain in the metadata JSON and gives it back as fields', () => {
    const client = toClientEvent({ id: '6f1c1e8e-2b8a-4c55-9a57-1d3f0f5b0c11', type: 'FamilyAccountCreated', data: { name: 'Martin' }, metadata }, 'h1', 'h0');
    expect(client).toMatchObject({ contentType: 'application/json', type: 'FamilyAccountCreated' });
    expect(client.metadata).toEqual({ ...metadata, hash: 'h1', previousHash: 'h0' });

    const resolved = {
      event: {
        streamId: 'family-1',
        id: client.id,
        isJson: true,
        revision: 3n,
        type: client.type,
        created: new Date('2026-01-05T08:00:01.000Z'),
        data: client.data,
        metadata: client.metadata,
        position: { commit: 1234n, prepare: 1200n },
      },
    } as unknown as ResolvedEvent;
    const recorded = toRecordedEvent(resolved)!;
    expect(recorded).toMatchObject({
      id: client.id,
      streamId: 'family-1',
      revision: 3n,
      type: 'FamilyAccountCreated',
      data: { name: 'Martin' },
      metadata,
      hash: 'h1',
      previousHash: 'h0',
    });
    expect(recorded.metadata).not.toHaveProperty('hash');
    expect(esdbPositionCodec.encode(recorded.position)).toBe('C:1234/P:1200');
  });

  it('skips links without their target and says clearly when a server is too old to give positions', () => {
    expect(toRecordedEvent({} as ResolvedEvent)).toBeUndefined();
    const old = { event: { streamId: 's-1', id: 'x', isJson: true, revision: 0n, type: 'T', created: new Date(), data: {}, metadata: {} } };
    expect(() => toRecordedEvent(old as unknown as ResolvedEvent)).toThrow('22.6');
  });
});
