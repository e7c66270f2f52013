import { Controller, Get, Inject, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Readable } from 'node:stream';
import { EVENT_STORE, type EventStore } from '#ardoise/event-store';
import { Roles } from '#ardoise/identity';
import { ReadsFrom } from '#ardoise/projections';
import { assertExportable, exportFileName, exportNdjson } from './ndjson-export.js';
import { ExportEventsRequest, exportRequestOf } from './export-events.request.js';

@ApiTags('audit')
@Roles('auditor', 'admin')
// Reads the event log itself (or its own jobs): never waits for a read model.
@ReadsFrom()
@Controller('audit/export')
export class ExportEventsController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get()
  @ApiProduces('application/x-ndjson')
  @ApiOperation({ summary: 'Exporter un flux, une catégorie ou une période en NDJSON (événements tels que stockés, avec positions et empreintes)' })
  async export(@Query() query: ExportEventsRequest): Promise<StreamableFile> {
    const request = exportRequestOf(query);
    await assertExportable(this.store, request);
    // Readable.from pulls the generator only as fast as the client reads (backpressure).
    const body = Readable.from(exportNdjson(this.store, request), { objectMode: false, highWaterMark: 64 * 1024 });
    return new StreamableFile(body, {
      type: 'application/x-ndjson; charset=utf-8',
      disposition: `attachment; filename="${exportFileName(request)}"`,
    });
  }
}
