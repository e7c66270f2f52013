import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { EventCriteria } from '../../browse/event-criteria.js';
import { EventSelectionRequest, toList } from '../../browse/event-selection.request.js';

/** Filters and paging of the event browser (query string). */
export class BrowseEventsRequest extends EventSelectionRequest {
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
