import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { IsLocalDate } from '#ardoise/catalogue';
import { SERVICE_CODE, SERVICE_CODE_MESSAGE } from './slot.request.js';

export class RangeQuery {
  @ApiProperty({ type: String, format: 'date', example: '2026-09-14' })
  @IsLocalDate()
  from!: string;
  @ApiProperty({ type: String, format: 'date', example: '2026-09-14' })
  @IsLocalDate()
  to!: string;
  @ApiPropertyOptional({ type: String, pattern: '^[A-Z0-9_-]{2,20}$', example: 'CANTINE' })
  @IsOptional()
  @Matches(SERVICE_CODE, SERVICE_CODE_MESSAGE)
  serviceCode?: string;
}
