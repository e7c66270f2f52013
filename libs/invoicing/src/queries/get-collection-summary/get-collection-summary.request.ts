import { IsString, Matches } from 'class-validator';
import { PERIOD_PATTERN } from '../../domain/billing.js';
import { FormatQuery } from '../../exports/format.request.js';

export class MonthQuery extends FormatQuery {
  @IsString() @Matches(PERIOD_PATTERN, { message: 'Mois invalide (format attendu : AAAA-MM).' }) month!: string;
}
