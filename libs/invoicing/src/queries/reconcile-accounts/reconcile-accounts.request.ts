import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { FormatQuery } from '../../exports/format.request.js';

export class AsOfQuery extends FormatQuery {
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/, { message: 'Date invalide (AAAA-MM-JJ ou instant ISO 8601).' })
  asOf?: string;
  /** With format=csv: the balances per family (default) or the events that explain the differences. */
  @IsOptional() @IsIn(['families', 'differences'], { message: 'Vue : families ou differences.' }) view?: 'families' | 'differences';
}
