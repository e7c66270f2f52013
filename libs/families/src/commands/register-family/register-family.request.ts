import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsEmail,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ChildInput } from '../../requests/child.input.js';
import { GuardiansStepInput } from '../../requests/guardian.input.js';
import { Trim, TrimToNull } from '../../requests/trim.js';

/** An agent registers a family that has no internet access (no login; every act is recorded as the agent's). */
export class RegisterFamilyRequest {
  @ApiProperty({ example: 'Martin' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  familyName!: string;

  @ApiPropertyOptional({ description: 'Adresse de contact, si la famille en a une' })
  @TrimToNull()
  @IsOptional()
  @IsEmail({}, { message: 'Adresse e-mail invalide.' })
  @MaxLength(254)
  email?: string | null;

  @ApiProperty({ type: GuardiansStepInput })
  @IsDefined()
  @IsObject({ message: 'Ce champ doit être un objet.' })
  @ValidateNested()
  @Type(() => GuardiansStepInput)
  guardians!: GuardiansStepInput;

  @ApiProperty({ type: [ChildInput] })
  @IsArray()
  @ArrayMinSize(1, { message: 'Ajoutez au moins un enfant.' })
  @ArrayMaxSize(12, { message: 'Au plus 12 enfants.' })
  @ValidateNested({ each: true })
  @Type(() => ChildInput)
  children!: ChildInput[];
}
