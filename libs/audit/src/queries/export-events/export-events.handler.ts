import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '#ardoise/event-store';
import { assertExportable, exportFileName, exportNdjson } from '../../export/ndjson-export.js';
import { ExportEvents, type EventExport } from './export-events.query.js';

/** Checks that there is something to export before anything is streamed (a 404 cannot follow the first line). */
@QueryHandler(ExportEvents)
export class ExportEventsHandler implements IQueryHandler<ExportEvents> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ request }: ExportEvents): Promise<EventExport> {
    await assertExportable(this.store, request);
    return { fileName: exportFileName(request), lines: exportNdjson(this.store, request) };
  }
}
