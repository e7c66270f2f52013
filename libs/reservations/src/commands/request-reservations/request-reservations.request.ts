import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';
import { IsLocalDate } from '#ardoise/catalogue';
import { SERVICE_CODE, SERVICE_CODE_MESSAGE, SlotRequest } from '../../http/slot.request.js';

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
  @Matches(SERVICE_CODE, SERVICE_CODE_MESSAGE)
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
  @Matches(SERVICE_CODE, { each: true, ...SERVICE_CODE_MESSAGE })
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
