import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsLocalDate } from '../../http/is-local-date.js';
import { SERVICE_CODE } from '../../http/request-formats.js';

export class DeclareClosureRequest {
  @ApiProperty({ type: String, format: 'date', example: '2026-09-14' })
  @IsLocalDate()
  date!: string;
  @ApiPropertyOptional({ type: [String], description: 'Prestations fermées ; absent : toutes' })
  @IsOptional()
  @IsArray()
  @Matches(SERVICE_CODE, { each: true })
  serviceCodes?: string[];
  @ApiProperty({ type: String, minLength: 2, maxLength: 200 })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  reason!: string;
}
