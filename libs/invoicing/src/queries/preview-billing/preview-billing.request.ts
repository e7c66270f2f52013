import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { PERIOD_PATTERN } from '../../domain/billing.js';

export class BillingPreviewQuery {
  @IsString({ message: 'Mois obligatoire (AAAA-MM).' })
  @Matches(PERIOD_PATTERN, { message: 'Mois invalide (format attendu : AAAA-MM).' })
  period!: string;
  /** csv: the families the run would skip, and why. */
  @IsOptional() @IsIn(['json', 'csv'], { message: 'Format : json ou csv.' }) format?: 'json' | 'csv';
}
