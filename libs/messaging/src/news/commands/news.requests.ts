import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsISO8601, IsOptional, IsString, Length, Matches, MaxLength, ValidateIf, ValidateNested } from 'class-validator';

export class NewsAudienceRequest {
  @IsIn(['all', 'school', 'service'])
  scope!: 'all' | 'school' | 'service';

  /** The school's name, as in the children's files (scope "school"). */
  @ValidateIf((a: NewsAudienceRequest) => a.scope === 'school') @IsString() @Length(1, 200)
  school?: string;

  /** The prestation's code (scope "service"). */
  @ValidateIf((a: NewsAudienceRequest) => a.scope === 'service') @IsString() @Length(1, 40)
  serviceCode?: string;
}

export class PublishNewsRequest {
  @IsIn(['message', 'menu'])
  kind!: 'message' | 'menu';

  @IsString() @Length(1, 200)
  title!: string;

  @IsString() @Length(1, 20_000)
  body!: string;

  @IsDefined() @ValidateNested() @Type(() => NewsAudienceRequest)
  audience!: NewsAudienceRequest;

  /** Scheduled publication (ISO date-time); default: now. */
  @IsOptional() @IsISO8601({ strict: true })
  visibleFrom?: string;

  @IsOptional() @IsISO8601({ strict: true })
  visibleUntil?: string;

  /** Menus: the Monday of their week (YYYY-MM-DD). */
  @ValidateIf((n: PublishNewsRequest) => n.kind === 'menu') @Matches(/^\d{4}-\d{2}-\d{2}$/)
  week?: string;
}

export class WithdrawNewsRequest {
  @IsOptional() @IsString() @MaxLength(500)
  reason?: string;
}
