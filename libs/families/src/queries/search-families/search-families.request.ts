import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class SearchFamiliesQuery {
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  q?: string;
}
