import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsISO8601, IsOptional, IsString, Length, Matches, ValidateIf, ValidateNested } from 'class-validator';

export class NewsAudienceRequest {
  @ApiProperty({ enum: ['all', 'school', 'service'] })
  @IsIn(['all', 'school', 'service'])
  scope!: 'all' | 'school' | 'service';

  /** The school's name, as in the children's files (scope "school"). */
  @ApiPropertyOptional({ type: String, minLength: 1, maxLength: 200 })
  @ValidateIf((a: NewsAudienceRequest) => a.scope === 'school')
  @IsString()
  @Length(1, 200)
  school?: string;

  /** The prestation's code (scope "service"). */
  @ApiPropertyOptional({ type: String, minLength: 1, maxLength: 40 })
  @ValidateIf((a: NewsAudienceRequest) => a.scope === 'service')
  @IsString()
  @Length(1, 40)
  serviceCode?: string;
}

export class PublishNewsRequest {
  @ApiProperty({ enum: ['message', 'menu'] })
  @IsIn(['message', 'menu'])
  kind!: 'message' | 'menu';

  @ApiProperty({ type: String, minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty({ type: String, minLength: 1, maxLength: 20_000 })
  @IsString()
  @Length(1, 20_000)
  body!: string;

  @ApiProperty({ type: NewsAudienceRequest })
  @IsDefined()
  @ValidateNested()
  @Type(() => NewsAudienceRequest)
  audience!: NewsAudienceRequest;

  /** Scheduled publication (ISO date-time); default: now. */
  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  visibleFrom?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  visibleUntil?: string;

  /** Menus: the Monday of their week (YYYY-MM-DD). */
  @ApiPropertyOptional({ type: String, format: 'date', example: '2026-09-14' })
  @ValidateIf((n: PublishNewsRequest) => n.kind === 'menu')
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  week?: string;
}
