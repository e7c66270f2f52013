import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { SERVICE_KINDS, type ServiceKind, type Weekday } from '../../domain/service-kind.js';
import { CLOCK_TIME, SERVICE_CODE } from '../../http/request-formats.js';

export class DefineServiceRequest {
  @ApiProperty({ type: String, pattern: '^[A-Z0-9_-]{2,20}$', example: 'CANTINE' })
  @Matches(SERVICE_CODE, { message: 'Le code est fait de 2 à 20 majuscules, chiffres, « - » ou « _ ».' })
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
