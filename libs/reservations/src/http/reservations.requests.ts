import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
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
  @IsUUID()
  childId!: string;
  @Matches(CODE, CODE_MESSAGE)
  serviceCode!: string;
  @IsLocalDate()
  date!: string;
}

export class RequestLinesRequest {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => SlotRequest)
  lines!: SlotRequest[];
}

export class AgendaRequest {
  @IsUUID()
  childId!: string;
  @Matches(CODE, CODE_MESSAGE)
  serviceCode!: string;
  @IsLocalDate()
  from!: string;
  @IsLocalDate()
  to!: string;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(7) @IsInt({ each: true }) @Min(1, { each: true }) @Max(7, { each: true })
  weekdays!: number[];
}

export class TypicalDayRequest {
  @IsInt() @Min(1) @Max(7)
  weekday!: number;
  @IsArray() @ArrayMaxSize(10) @Matches(CODE, { each: true, ...CODE_MESSAGE })
  serviceCodes!: string[];
}

export class TypicalWeekRequest {
  @IsUUID()
  childId!: string;
  @IsLocalDate()
  from!: string;
  @IsLocalDate()
  to!: string;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(7) @ValidateNested({ each: true }) @Type(() => TypicalDayRequest)
  days!: TypicalDayRequest[];
}

export class ValidateBasketRequest {
  /** An agent booking past the deadline says why (recorded with the agent's name). */
  @IsOptional() @IsString() @MinLength(3) @MaxLength(500)
  overrideReason?: string;
}

export class CancelRequest extends SlotRequest {
  @IsOptional() @IsString() @MinLength(3) @MaxLength(500)
  reason?: string;
}

export class AbsenceRequest extends SlotRequest {
  @IsString() @MinLength(2) @MaxLength(500)
  reason!: string;
}

export class JustifyAbsenceRequest extends SlotRequest {
  @IsOptional() @IsString() @MaxLength(120)
  certificateReference?: string;
}

export class AttendanceRequest {
  @IsUUID()
  childId!: string;
  @IsIn(['present', 'absent', 'excused', 'present_unbooked'])
  status!: AttendanceStatus;
  /** When the mark was taken on the tablet (sent later when it was offline); the later mark wins. */
  @IsOptional() @IsISO8601({ strict: true }, { message: 'Date et heure invalides (ISO 8601 attendu).' })
  markedAt?: string;
}

export class PeriodQuery {
  @IsIn(['month', 'week'])
  view!: 'month' | 'week';
  @IsLocalDate()
  date!: string;
}

export class RangeQuery {
  @IsLocalDate()
  from!: string;
  @IsLocalDate()
  to!: string;
  @IsOptional() @Matches(CODE, CODE_MESSAGE)
  serviceCode?: string;
}

export class AllocationRequest {
  @IsUUID()
  openingId!: string;
}
