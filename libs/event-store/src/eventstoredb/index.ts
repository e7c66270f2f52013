export { EventStoreDbEventStore, type EventStoreDbEventStoreOptions } from './eventstoredb-event-store.js';
export { esdbPositionCodec, compareEsdbPositions, type EsdbPosition } from './position.js';
