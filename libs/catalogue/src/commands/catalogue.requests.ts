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
  @Matches(CODE, { message: 'Le code est fait de 2 à 20 majuscules, chiffres, « - » ou « _ ».' })
  code!: string;
  @IsString() @MinLength(2) @MaxLength(120)
  label!: string;
  @IsIn(SERVICE_KINDS)
  kind!: ServiceKind;
  @IsArray() @ArrayMaxSize(7) @IsInt({ each: true }) @Min(1, { each: true }) @Max(7, { each: true })
  weekdays!: Weekday[];
  @IsOptional() @IsInt() @Min(1) @Max(10_000)
  dailyCapacity?: number | null;
  /** When its sessions start (HH:MM, Paris). */
  @IsOptional() @Matches(CLOCK_TIME, { message: 'L’heure de début doit s’écrire HH:MM.' })
  startTime?: string;
}

export class ChangeCapacityRequest {
  /** Places per day; null: no limit. */
  @ValidateIf((r: ChangeCapacityRequest) => r.dailyCapacity !== null) @IsInt() @Min(1) @Max(10_000)
  dailyCapacity!: number | null;
}

export class SetSessionStartRequest {
  @Matches(CLOCK_TIME, { message: 'L’heure de début doit s’écrire HH:MM.' })
  startTime!: string;
}

/** A draft règlement and the days to try it on (nothing is saved). */
export class PreviewBookingRulesRequest {
  @IsOptional() @IsIn(['school', 'holidays'])
  season?: ServiceSeason;
  @IsObject()
  booking!: DeadlineRule;
  @IsOptional() @IsObject()
  cancellation?: DeadlineRule;
  /** A draft start time for the sessions (HH:MM), for « n heures avant le début de la séance ». */
  @IsOptional() @Matches(CLOCK_TIME, { message: 'L’heure de début doit s’écrire HH:MM.' })
  startTime?: string;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(62) @IsLocalDate({ each: true })
  dates!: string[];
}

/** The rules are checked form by form by the domain (deadline-rule.ts), with French messages. */
export class SetBookingRulesRequest {
  @IsIn(['school', 'holidays'])
  season!: ServiceSeason;
  @IsObject()
  booking!: DeadlineRule;
  @IsObject()
  cancellation!: DeadlineRule;
}

export class ScheduleOpeningRequest {
  @IsString() @MinLength(2) @MaxLength(120)
  label!: string;
  @IsLocalDate()
  from!: string;
  @IsLocalDate()
  to!: string;
  @IsISO8601({ strict: true })
  opensAt!: string;
  @IsIn(['first_come', 'allocation'])
  mode!: OpeningMode;
  @IsOptional() @IsISO8601({ strict: true })
  requestsCloseAt?: string;
  @IsOptional() @IsArray() @IsIn(['full_period', 'siblings'], { each: true })
  priorities?: AllocationPriority[];
  @IsOptional() @IsString() @MaxLength(64)
  lotterySeed?: string;
}

export class HolidayPeriodRequest {
  @IsString() @MinLength(2) @MaxLength(80)
  label!: string;
  @IsArray() @IsIn(HOLIDAY_ZONES, { each: true })
  zones!: HolidayZone[];
  @IsLocalDate()
  start!: string;
  @IsLocalDate()
  end!: string;
}

export class PublicHolidayRequest {
  @IsLocalDate()
  date!: string;
  @IsString() @MinLength(2) @MaxLength(80)
  label!: string;
}

export class DefineSchoolYearRequest {
  @IsIn(HOLIDAY_ZONES)
  zone!: HolidayZone;
  @IsLocalDate()
  start!: string;
  @IsLocalDate()
  end!: string;
  @IsLocalDate()
  classesStart!: string;
  @IsLocalDate()
  classesEnd!: string;
  @IsArray() @ArrayMaxSize(40) @ValidateNested({ each: true }) @Type(() => HolidayPeriodRequest)
  holidays!: HolidayPeriodRequest[];
  @IsArray() @ArrayMaxSize(30) @ValidateNested({ each: true }) @Type(() => PublicHolidayRequest)
  publicHolidays!: PublicHolidayRequest[];
  /** Weekdays with classes (1 = lundi); default: Monday, Tuesday, Thursday, Friday. */
  @IsOptional() @IsArray() @ArrayMaxSize(7) @IsInt({ each: true }) @Min(1, { each: true }) @Max(7, { each: true })
  schoolWeekdays?: number[];
}

export class DeclareClosureRequest {
  @IsLocalDate()
  date!: string;
  @IsOptional() @IsArray() @Matches(CODE, { each: true })
  serviceCodes?: string[];
  @IsString() @MinLength(2) @MaxLength(200)
  reason!: string;
}
