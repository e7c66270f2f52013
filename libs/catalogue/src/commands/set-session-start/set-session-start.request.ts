import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { CLOCK_TIME } from '../../http/request-formats.js';

export class SetSessionStartRequest {
  @ApiProperty({ type: String, pattern: '^\\d{2}:\\d{2}$', example: '11:45' })
  @Matches(CLOCK_TIME, { message: 'L’heure de début doit s’écrire HH:MM.' })
  startTime!: string;
}
