import { Controller, Get, Inject, Query, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Readable } from 'node:stream';
import { Roles } from '#ardoise/identity';
import { ReadsFrom } from '#ardoise/projections';
import { ExportEvents } from '../queries/export-events/export-events.query.js';
import { ExportEventsRequest, exportRequestOf } from '../queries/export-events/export-events.request.js';

@ApiTags('audit')
@Roles('auditor', 'admin')
// Reads the event log itself (or its own jobs): never waits for a read model.
@ReadsFrom()
@Controller('audit/export')
export class ExportEventsController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get()
  @ApiProduces('application/x-ndjson')
  @ApiOperation({ summary: 'Exporter un flux, une catégorie ou une période en NDJSON (événements tels que stockés, avec positions et empreintes)' })
  async export(@Query() query: ExportEventsRequest): Promise<StreamableFile> {
    const { fileName, lines } = await this.queries.execute(new ExportEvents(exportRequestOf(query)));
    // Readable.from pulls the generator only as fast as the client reads (backpressure).
    const body = Readable.from(lines, { objectMode: false, highWaterMark: 64 * 1024 });
    return new StreamableFile(body, {
      type: 'application/x-ndjson; charset=utf-8',
      disposition: `attachment; filename="${fileName}"`,
    });
  }
}
