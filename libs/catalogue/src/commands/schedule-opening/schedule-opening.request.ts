import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsIn, IsISO8601, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import type { AllocationPriority, OpeningMode } from '../../domain/catalogue-events.js';
import { IsLocalDate } from '../../http/is-local-date.js';

export class ScheduleOpeningRequest {
  @ApiProperty({ type: String, minLength: 2, maxLength: 120 })
  @IsString()
  @MinLength(2)
  @MaxLength(120)
  label!: string;
  @ApiProperty({ type: String, format: 'date', example: '2026-09-14' })
  @IsLocalDate()
  from!: string;
  @ApiProperty({ type: String, format: 'date', example: '2026-09-14' })
  @IsLocalDate()
  to!: string;
  @ApiProperty({ type: String, format: 'date-time' })
  @IsISO8601({ strict: true })
  opensAt!: string;
  @ApiProperty({ enum: ['first_come', 'allocation'] })
  @IsIn(['first_come', 'allocation'])
  mode!: OpeningMode;
  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  requestsCloseAt?: string;
  @ApiPropertyOptional({ enum: ['full_period', 'siblings'], isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(['full_period', 'siblings'], { each: true })
  priorities?: AllocationPriority[];
  @ApiPropertyOptional({ type: String, maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  lotterySeed?: string;
}
