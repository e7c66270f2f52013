import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { HOLIDAY_ZONES, type HolidayZone } from '../../domain/town-calendar.js';
import { IsLocalDate } from '../../http/is-local-date.js';

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
