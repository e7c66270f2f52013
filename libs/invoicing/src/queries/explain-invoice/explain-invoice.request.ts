import { IsIn, IsOptional } from 'class-validator';

export class ExplanationQuery {
  @IsOptional() @IsIn(['json', 'csv'], { message: 'format vaut json ou csv.' }) format?: 'json' | 'csv';
}
