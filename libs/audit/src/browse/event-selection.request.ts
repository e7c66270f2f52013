import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsDate, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** `a,b` or repeated `?x=a&x=b` → ['a', 'b']. */
export const toList = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : (Array.isArray(value) ? value : [value])
        .flatMap((v) => String(v).split(','))
        .map((v) => v.trim())
        .filter(Boolean);

/** The filters the event browser and the export share (query string): categories, types, a period. */
export class EventSelectionRequest {
  @ApiPropertyOptional({ description: 'Catégories de flux (préfixe avant « - »), séparées par des virgules', example: 'family,invoice' })
  @IsOptional()
  @Transform(toList)
  @IsString({ each: true })
  @Matches(/^[a-zA-Z0-9_]{1,64}$/, { each: true, message: 'Catégorie invalide.' })
  category?: string[];

  @ApiPropertyOptional({ description: "Types d'événements, séparés par des virgules", example: 'ServiceDefined' })
  @IsOptional()
  @Transform(toList)
  @IsString({ each: true })
  @MaxLength(256, { each: true })
  type?: string[];

  @ApiPropertyOptional({ description: 'Enregistrés depuis cet instant (inclus), ISO 8601 — l’heure du journal', example: '2026-09-01T00:00:00Z' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'Date invalide (ISO 8601 attendu).' })
  from?: Date;

  @ApiPropertyOptional({ description: "Enregistrés jusqu'à cet instant (exclu), ISO 8601" })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'Date invalide (ISO 8601 attendu).' })
  to?: Date;
}
