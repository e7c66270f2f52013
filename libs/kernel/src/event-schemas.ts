/**
 * Event versions (docs/decisions/0008-event-versions.md). Each event type has ONE definition:
 * its current schema version and, for every older version n, an upcaster from n to n+1. The
 * writer stamps `metadata.schemaVersion` from the definition (never by hand); readers that
 * fold (deciders through AggregateRepository and FollowedStreams, projections through the
 * engine, the audit's state as of a date) see every event at its current version. The log
 * keeps what was written: exports and the hash chain use the stored form.
 *
 * Contexts define their versioned events beside their types (`domain/*-events.ts`); an event
 * type never defined is at version 1.
 */

export type Upcaster = (data: any) => unknown;

export interface EventDefinition {
  /** The current version (>= 1): what new events are written with. */
  version: number;
  /** `upcasters[n]` turns version n data into version n+1, for every n below `version`. */
  upcasters?: Readonly<Record<number, Upcaster>>;
}

/** What a reader needs of an event to upcast it (a RecordedEvent, or a test's plain object). */
export interface VersionedEvent {
  type: string;
  data: unknown;
  metadata: { schemaVersion?: number };
}

export class EventSchemas {
  private readonly definitions = new Map<string, Required<EventDefinition>>();

  /** Declares an event type's current version and its upcasters (same definition twice: no-op). */
  define(type: string, definition: EventDefinition): void {
    const { version, upcasters = {} } = definition;
    if (!Number.isInteger(version) || version < 1) throw new Error(`Event ${type}: version must be an integer >= 1`);
    for (let from = 1; from < version; from++) {
      if (typeof upcasters[from] !== 'function') throw new Error(`Event ${type}: no upcaster from version ${from} to ${from + 1}`);
    }
    const known = this.definitions.get(type);
    if (known && (known.version !== version || Object.keys(known.upcasters).some((n) => known.upcasters[Number(n)] !== upcasters[Number(n)]))) {
      throw new Error(`Event ${type} defined twice with different versions or upcasters`);
    }
    this.definitions.set(type, { version, upcasters });
  }

  /** The version new events of this type are written with (1 when never defined). */
  versionOf(type: string): number {
    return this.definitions.get(type)?.version ?? 1;
  }

  /**
   * The event at its type's current version: the same object when it already is; otherwise a
   * copy with its data upcast step by step and `metadata.schemaVersion` set to the current one.
   * An event written by a newer version of Ardoise (a version above the current one) is left
   * as it is: it cannot be turned back.
   */
  upcast<E extends VersionedEvent>(event: E): E {
    const definition = this.definitions.get(event.type);
    const from = event.metadata?.schemaVersion ?? 1;
    if (!definition || from >= definition.version) return event;
    let data = event.data;
    for (let version = from; version < definition.version; version++) data = definition.upcasters[version]!(data);
    return { ...event, data, metadata: { ...event.metadata, schemaVersion: definition.version } };
  }
}

/** The process's event definitions: filled by each context's `domain/*-events.ts` when loaded. */
export const eventSchemas = new EventSchemas();

/** Declares an event type's current version and upcasters (see EventSchemas.define). */
export function defineEvent(type: string, definition: EventDefinition): void {
  eventSchemas.define(type, definition);
}

/** The event at its current version (see EventSchemas.upcast). */
export function upcastEvent<E extends VersionedEvent>(event: E): E {
  return eventSchemas.upcast(event);
}

/** The version an event of this type is written with. */
export function schemaVersionOf(type: string): number {
  return eventSchemas.versionOf(type);
}
