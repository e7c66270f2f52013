import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsLocalDate } from '../http/is-local-date.js';
import { SERVICE_KINDS, type ServiceKind, type Weekday } from '../domain/service-kind.js';
import { HOLIDAY_ZONES, type HolidayZone, type ServiceSeason } from '../domain/town-calendar.js';
import type { AllocationPriority, OpeningMode } from '../domain/catalogue-events.js';
import type { DeadlineRule } from '../domain/deadline-rule.js';

const CODE = /^[A-Z0-9_-]{2,20}$/;
const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export class DefineServiceRequest {
  @ApiProperty({ type: String, pattern: '^[A-Z0-9_-]{2,20}$', example: 'CANTINE' })
  @Matches(CODE, { message: 'Le code est fait de 2 à 20 majuscules, chiffres, « - » ou « _ ».' })
  code!: string;
  @ApiProperty({ type: String, minLength: 2, maxLength: 120, example: 'Restauration scolaire' })
  @IsString()
  @MinLength(2)
  @MaxLength(120)
  label!: string;
  @ApiProperty({ enum: SERVICE_KINDS })
  @IsIn(SERVICE_KINDS)
  kind!: ServiceKind;
  @ApiProperty({ type: [Number], minimum: 1, maximum: 7, maxItems: 7, description: 'Jours ouverts (1 = lundi … 7 = dimanche)', example: [1, 2, 4, 5] })
  @IsArray()
  @ArrayMaxSize(7)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  weekdays!: Weekday[];
  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 10_000, description: 'Places par jour ; absent : sans limite' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  dailyCapacity?: number | null;
  /** When its sessions start (HH:MM, Paris). */
  @IsOptional()
  @Matches(CLOCK_TIME, { message: 'L’heure de début doit s’écrire HH:MM.' })
  startTime?: string;
}

export class ChangeCapacityRequest {
  /** Places per day; null: no limit. */
  @ApiProperty({ type: Number, nullable: true, minimum: 1, maximum: 10_000, description: 'Places par jour ; null : sans limite' })
  @ValidateIf((r: ChangeCapacityRequest) => r.dailyCapacity !== null)
  @IsInt()
  @Min(1)
  @Max(10_000)
  dailyCapacity!: number | null;
}

export class SetSessionStartRequest {
  @ApiProperty({ type: String, pattern: '^\\d{2}:\\d{2}$', example: '11:45' })
  @Matches(CLOCK_TIME, { message: 'L’heure de début doit s’écrire HH:MM.' })
  startTime!: string;
}

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

export class HolidayPeriodRequest {
  @ApiProperty({ type: String, minLength: 2, maxLength: 80 })
  @IsString()
  @MinLength(2)
  @MaxLength(80)
  label!: string;
  @ApiProperty({ enum: HOLIDAY_ZONES, isArray: true })
  @IsArray()
  @IsIn(HOLIDAY_ZONES, { each: true })
  zones!: HolidayZone[];
  @ApiProperty({ type: String, format: 'date', example: '2026-09-14' })
  @IsLocalDate()
  start!: string;
  @ApiProperty({ type: String, format: 'date', example: '2026-09-14' })
  @IsLocalDate()
  end!: string;
}

export class PublicHolidayRequest {
  @ApiProperty({ type: String, format: 'date', example: '2026-09-14' })
  @IsLocalDate()
  date!: string;
  @ApiProperty({ type: String, minLength: 2, maxLength: 80 })
  @IsString()
  @MinLength(2)
  @MaxLength(80)
  label!: string;
}

export class DefineSchoolYearRequest {
  @ApiProperty({ enum: HOLIDAY_ZONES })
  @IsIn(HOLIDAY_ZONES)
  zone!: HolidayZone;
  @ApiProperty({ type: String, format: 'date', example: '2026-09-14' })
  @IsLocalDate()
  start!: string;
  @ApiProperty({ type: String, format: 'date', example: '2026-09-14' })
  @IsLocalDate()
  end!: string;
  @ApiProperty({ type: String, format: 'date', example: '2026-09-14' })
  @IsLocalDate()
  classesStart!: string;
  @ApiProperty({ type: String, format: 'date', example: '2026-09-14' })
  @IsLocalDate()
  classesEnd!: string;
  @ApiProperty({ type: [HolidayPeriodRequest], maxItems: 40 })
  @IsArray()
  @ArrayMaxSize(40)
  @ValidateNested({ each: true })
  @Type(() => HolidayPeriodRequest)
  holidays!: HolidayPeriodRequest[];
  @ApiProperty({ type: [PublicHolidayRequest], maxItems: 30 })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => PublicHolidayRequest)
  publicHolidays!: PublicHolidayRequest[];
  /** Weekdays with classes (1 = lundi); default: Monday, Tuesday, Thursday, Friday. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(7)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  schoolWeekdays?: number[];
}

export class DeclareClosureRequest {
  @ApiProperty({ type: String, format: 'date', example: '2026-09-14' })
  @IsLocalDate()
  date!: string;
  @ApiPropertyOptional({ type: [String], description: 'Prestations fermées ; absent : toutes' })
  @IsOptional()
  @IsArray()
  @Matches(CODE, { each: true })
  serviceCodes?: string[];
  @ApiProperty({ type: String, minLength: 2, maxLength: 200 })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  reason!: string;
}
