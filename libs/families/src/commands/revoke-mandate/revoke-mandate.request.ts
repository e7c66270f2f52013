import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { DAY, DAY_MESSAGE } from '../../requests/day.js';

export class RevokeMandateRequest {
  @ApiProperty({ example: '2026-06-30' })
  @IsString()
  @Matches(DAY, { message: DAY_MESSAGE })
  revokedOn!: string;
}
