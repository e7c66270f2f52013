import { IsIn, IsOptional } from 'class-validator';

export class MandatesQuery {
  @IsOptional() @IsIn(['json', 'csv'], { message: 'format vaut json ou csv.' }) format?: 'json' | 'csv';
}
