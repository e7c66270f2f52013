import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsLocalDate } from '#ardoise/catalogue';
import type { AttendanceStatus } from '../domain/reservation-events.js';

const CODE = /^[A-Z0-9_-]{2,20}$/;
const CODE_MESSAGE = { message: 'Code de prestation invalide.' };

export class SlotRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  childId!: string;
  @ApiProperty({ type: String, pattern: '^[A-Z0-9_-]{2,20}$', example: 'CANTINE' })
  @Matches(CODE, CODE_MESSAGE)
  serviceCode!: string;
  @ApiProperty({ type: String, format: 'date', example: '2026-09-14' })
  @IsLocalDate()
  date!: string;
}

export class RequestLinesRequest {
  @ApiProperty({ type: [SlotRequest], minItems: 1, maxItems: 100 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => SlotRequest)
  lines!: SlotRequest[];
}

export class AgendaRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  childId!: string;
  @ApiProperty({ type: String, pattern: '^[A-Z0-9_-]{2,20}$', example: 'CANTINE' })
  @Matches(CODE, CODE_MESSAGE)
  serviceCode!: string;
  @ApiProperty({ type: String, format: 'date', example: '2026-09-14' })
  @IsLocalDate()
  from!: string;
  @ApiProperty({ type: String, format: 'date', example: '2026-09-14' })
  @IsLocalDate()
  to!: string;
  @ApiProperty({ type: [Number], minItems: 1, maxItems: 7, minimum: 1, maximum: 7 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  weekdays!: number[];
}

export class TypicalDayRequest {
  @ApiProperty({ type: Number, minimum: 1, maximum: 7 })
  @IsInt()
  @Min(1)
  @Max(7)
  weekday!: number;
  @ApiProperty({ type: [String], maxItems: 10 })
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(CODE, { each: true, ...CODE_MESSAGE })
  serviceCodes!: string[];
}

export class TypicalWeekRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  childId!: string;
  @ApiProperty({ type: String, format: 'date', example: '2026-09-14' })
  @IsLocalDate()
  from!: string;
  @ApiProperty({ type: String, format: 'date', example: '2026-09-14' })
  @IsLocalDate()
  to!: string;
  @ApiProperty({ type: [TypicalDayRequest], minItems: 1, maxItems: 7 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @ValidateNested({ each: true })
  @Type(() => TypicalDayRequest)
  days!: TypicalDayRequest[];
}

export class ValidateBasketRequest {
  /** An agent booking past the deadline says why (recorded with the agent's name). */
  @ApiPropertyOptional({ type: String, minLength: 3, maxLength: 500 })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  overrideReason?: string;

  /** With an override: bill the « Majoration hors délai » for the late days. Default: not applied (the town's agent books). */
  @ApiPropertyOptional({ type: Boolean, default: false })
  @IsOptional()
  @IsBoolean({ message: 'Majoration hors délai : oui ou non.' })
  lateSurcharge?: boolean;
}

export class CancelRequest extends SlotRequest {
  @ApiPropertyOptional({ type: String, minLength: 3, maxLength: 500 })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason?: string;
}

export class AbsenceRequest extends SlotRequest {
  @ApiProperty({ type: String, minLength: 2, maxLength: 500 })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason!: string;
}

export class JustifyAbsenceRequest extends SlotRequest {
  @ApiPropertyOptional({ type: String, maxLength: 120 })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  certificateReference?: string;
}

export class AttendanceRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  childId!: string;
  @ApiProperty({ enum: ['present', 'absent', 'excused', 'present_unbooked'] })
  @IsIn(['present', 'absent', 'excused', 'present_unbooked'])
  status!: AttendanceStatus;
  /** When the mark was taken on the tablet (sent later when it was offline); the later mark wins. */
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'Date et heure invalides (ISO 8601 attendu).' })
  markedAt?: string;
}

export class PeriodQuery {
  @ApiProperty({ enum: ['month', 'week'] })
  @IsIn(['month', 'week'])
  view!: 'month' | 'week';
  @ApiProperty({ type: String, format: 'date', example: '2026-09-14' })
  @IsLocalDate()
  date!: string;
}

export class RangeQuery {
  @ApiProperty({ type: String, format: 'date', example: '2026-09-14' })
  @IsLocalDate()
  from!: string;
  @ApiProperty({ type: String, format: 'date', example: '2026-09-14' })
  @IsLocalDate()
  to!: string;
  @ApiPropertyOptional({ type: String, pattern: '^[A-Z0-9_-]{2,20}$', example: 'CANTINE' })
  @IsOptional()
  @Matches(CODE, CODE_MESSAGE)
  serviceCode?: string;
}

export class AllocationRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  openingId!: string;
}
