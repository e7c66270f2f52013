import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsDate, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { ExportRequest } from '../../export/ndjson-export.js';

const toList = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : (Array.isArray(value) ? value : [value])
        .flatMap((v) => String(v).split(','))
        .map((v) => v.trim())
        .filter(Boolean);

/** What to export: a stream, a category, a period (and types), combinable. */
export class ExportEventsRequest {
  @ApiPropertyOptional({ description: 'Un flux, ex. service-CANTINE' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  stream?: string;

  @ApiPropertyOptional({ description: 'Catégories de flux, séparées par des virgules', example: 'invoice' })
  @IsOptional()
  @Transform(toList)
  @IsString({ each: true })
  @Matches(/^[a-zA-Z0-9_]{1,64}$/, { each: true, message: 'Catégorie invalide.' })
  category?: string[];

  @ApiPropertyOptional({ description: "Types d'événements, séparés par des virgules" })
  @IsOptional()
  @Transform(toList)
  @IsString({ each: true })
  @MaxLength(256, { each: true })
  type?: string[];

  @ApiPropertyOptional({ description: 'Depuis cet instant (inclus), ISO 8601' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'Date invalide (ISO 8601 attendu).' })
  from?: Date;

  @ApiPropertyOptional({ description: "Jusqu'à cet instant (exclu), ISO 8601" })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'Date invalide (ISO 8601 attendu).' })
  to?: Date;
}

export function exportRequestOf(query: ExportEventsRequest): ExportRequest {
  return { streamId: query.stream, criteria: { categories: query.category, eventTypes: query.type, from: query.from, to: query.to } };
}
