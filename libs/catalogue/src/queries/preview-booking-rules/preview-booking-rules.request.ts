import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsObject, IsOptional, Matches } from 'class-validator';
import type { DeadlineRule } from '../../domain/deadline-rule.js';
import type { ServiceSeason } from '../../domain/town-calendar.js';
import { IsLocalDate } from '../../http/is-local-date.js';
import { CLOCK_TIME } from '../../http/request-formats.js';

/** A draft règlement and the days to try it on (nothing is saved). */
export class PreviewBookingRulesRequest {
  @ApiPropertyOptional({ enum: ['school', 'holidays'] })
  @IsOptional()
  @IsIn(['school', 'holidays'])
  season?: ServiceSeason;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Délai de réservation (brouillon)' })
  @IsObject()
  booking!: DeadlineRule;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Délai d’annulation (brouillon)' })
  @IsOptional()
  @IsObject()
  cancellation?: DeadlineRule;
  /** A draft start time for the sessions (HH:MM), for « n heures avant le début de la séance ». */
  @ApiPropertyOptional({ type: String, pattern: '^\\d{2}:\\d{2}$', example: '11:45' })
  @IsOptional()
  @Matches(CLOCK_TIME, { message: 'L’heure de début doit s’écrire HH:MM.' })
  startTime?: string;
  @ApiProperty({ type: [String], format: 'date', minItems: 1, maxItems: 62, example: ['2026-09-14'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(62)
  @IsLocalDate({ each: true })
  dates!: string[];
}
