import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsObject } from 'class-validator';
import type { DeadlineRule } from '../../domain/deadline-rule.js';
import type { ServiceSeason } from '../../domain/town-calendar.js';

/** The rules are checked form by form by the domain (deadline-rule.ts), with French messages. */
export class SetBookingRulesRequest {
  @ApiProperty({ enum: ['school', 'holidays'] })
  @IsIn(['school', 'holidays'])
  season!: ServiceSeason;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Délai de réservation (règle : veille, jours ouvrés avant, semaine précédente…)' })
  @IsObject()
  booking!: DeadlineRule;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Délai d’annulation (même forme que booking)' })
  @IsObject()
  cancellation!: DeadlineRule;
}
