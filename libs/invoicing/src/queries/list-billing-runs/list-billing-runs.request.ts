import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { PERIOD_PATTERN } from '../../domain/billing.js';

export class BillingRunsQuery {
  @IsOptional()
  @IsString()
  @Matches(PERIOD_PATTERN, { message: 'Mois invalide (format attendu : AAAA-MM).' })
  period?: string;
  @IsOptional() @IsIn(['json', 'csv'], { message: 'Format : json ou csv.' }) format?: 'json' | 'csv';
}
