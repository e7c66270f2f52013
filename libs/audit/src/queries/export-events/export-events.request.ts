import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { EventSelectionRequest } from '../../browse/event-selection.request.js';
import type { ExportRequest } from '../../export/ndjson-export.js';

/** What to export: a stream, a category, a period (and types), combinable. */
export class ExportEventsRequest extends EventSelectionRequest {
  @ApiPropertyOptional({ description: 'Un flux (son identifiant complet)' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  stream?: string;
}
export function exportRequestOf(query: ExportEventsRequest): ExportRequest {
  return { streamId: query.stream, criteria: { categories: query.category, eventTypes: query.type, from: query.from, to: query.to } };
}
