import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsDate, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import type { EventCriteria } from '../../browse/event-criteria.js';

/** `a,b` or repeated `?x=a&x=b` → ['a', 'b']. */
const toList = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : (Array.isArray(value) ? value : [value])
        .flatMap((v) => String(v).split(','))
        .map((v) => v.trim())
        .filter(Boolean);

/** Filters and paging of the event browser (query string). */
export class BrowseEventsRequest {
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

  @ApiPropertyOptional({ description: "Identifiant de l'auteur (utilisateur, « system », « seed »)" })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  actor?: string;

  @ApiPropertyOptional({ description: 'Famille pour le compte de laquelle un agent a agi' })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  onBehalfOf?: string;

  @ApiPropertyOptional({ description: 'Identifiant de corrélation (une requête et ses suites)' })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  correlationId?: string;

  @ApiPropertyOptional({ description: 'Flux dont l’identifiant commence par ce texte (un identifiant complet : ce seul flux)', example: 'basket-' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  stream?: string;

  @ApiPropertyOptional({
    description: 'Valeurs que les données de l’événement doivent toutes mentionner (identifiant d’enfant, date…), séparées par des virgules',
  })
  @IsOptional()
  @Transform(toList)
  @IsString({ each: true })
  @MaxLength(256, { each: true })
  @ArrayMaxSize(5, { message: '5 valeurs au plus.' })
  mentions?: string[];

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

  @ApiPropertyOptional({ description: 'Curseur « next » de la page précédente' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  after?: string;

  @ApiPropertyOptional({ enum: ['forwards', 'backwards'], description: 'Du plus ancien au plus récent (défaut) ou l’inverse' })
  @IsOptional()
  @IsIn(['forwards', 'backwards'], { message: 'Sens : forwards ou backwards.' })
  direction?: 'forwards' | 'backwards';

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export function criteriaOf(request: BrowseEventsRequest): EventCriteria {
  return {
    categories: request.category,
    eventTypes: request.type,
    actorId: request.actor,
    onBehalfOfFamilyId: request.onBehalfOf,
    correlationId: request.correlationId,
    streamPrefix: request.stream,
    mentions: request.mentions,
    from: request.from,
    to: request.to,
  };
}
