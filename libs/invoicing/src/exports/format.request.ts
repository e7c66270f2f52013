import { IsIn, IsOptional } from 'class-validator';

/** `format=csv`: the same view as a French CSV file (see french-csv). */
export class FormatQuery {
  @IsOptional() @IsIn(['json', 'csv']) format?: 'json' | 'csv';
}
