import { IsString, MaxLength, MinLength } from 'class-validator';

export class SearchChildrenQuery {
  @IsString()
  @MinLength(2, { message: 'Au moins 2 caractères.' })
  @MaxLength(100)
  q!: string;
}
