import { NotFoundError } from '#ardoise/kernel';
import type { EventStore, RecordedEvent } from '#ardoise/event-store';
import { toAuditedEvent } from '../audited-event.js';
import { matchesCriteria, storeFilter, type EventCriteria } from '../browse/event-criteria.js';

export interface ExportRequest {
  /** One stream (in revision order); otherwise `$all` in global order. */
  streamId?: string;
  criteria?: EventCriteria;
}

/**
 * The events as NDJSON lines (one JSON object per line, '\n'-terminated), exactly as stored
 * (data never revealed: whoever holds the export can recompute every hash with
 * event-hash.ts), with their positions, revisions, metadata and hashes.
 *
 * An async generator: the store is read page by page as the consumer pulls, so piping it
 * into an HTTP response or a file (Readable.from + pipeline) keeps memory flat whatever the
 * size, and a slow reader slows the export down instead of filling memory.
 */
export async function* exportNdjson(store: EventStore, request: ExportRequest): AsyncGenerator<string> {
  const criteria = request.criteria ?? {};
  const source: AsyncIterable<RecordedEvent> = request.streamId ? store.readStream(request.streamId) : store.readAll({ filter: storeFilter(criteria) });
  for await (const event of source) {
    if (!matchesCriteria(event, criteria)) continue;
    yield `${JSON.stringify(toAuditedEvent(event, store.positions))}\n`;
  }
}

/** Throws a 404 before anything is streamed when the stream to export does not exist. */
export async function assertExportable(store: EventStore, request: ExportRequest): Promise<void> {
  if (request.streamId && (await store.streamRevision(request.streamId)) === undefined) {
    throw new NotFoundError('AUDIT.STREAM_NOT_FOUND', 'Ce flux n’existe pas.', `stream ${request.streamId} not found`);
  }
}

/** A file name that says what was exported, e.g. `ardoise-family-2026-09-01_2026-10-01.ndjson`. */
export function exportFileName(request: ExportRequest): string {
  const c = request.criteria ?? {};
  const parts = [
    request.streamId ?? (c.categories?.length ? c.categories.join('+') : 'all'),
    c.from ? c.from.toISOString().slice(0, 10) : undefined,
    c.to ? c.to.toISOString().slice(0, 10) : undefined,
  ].filter(Boolean);
  return `ardoise-${parts.join('_').replace(/[^a-zA-Z0-9_+.-]/g, '_')}.ndjson`;
}
