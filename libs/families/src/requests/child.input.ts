import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { DIETS, type ChildDetails, type Diet } from '../domain/personal-data.js';
import { Trim, TrimToNull } from './trim.js';

/** A child of the household, as in the guide's step 1.2 ("Enfants"). */
export class ChildInput {
  @ApiProperty({ example: 'Martin' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  lastName!: string;

  @ApiProperty({ example: 'Léa' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  firstName!: string;

  @ApiProperty({ example: '2018-05-02' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Date invalide (format attendu : AAAA-MM-JJ).' })
  birthDate!: string;

  @ApiProperty({ example: 'École élémentaire Jules-Ferry' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  school!: string;

  @ApiProperty({ example: 'CE1' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  className!: string;

  @ApiProperty({ enum: DIETS, description: 'Un régime, jamais sa raison' })
  @IsIn(DIETS, { message: 'Choisissez un régime de la liste (standard, sans porc, sans viande, végétarien).' })
  diet!: Diet;

  @ApiPropertyOptional({ example: 'Arachide', description: 'Donnée de santé' })
  @TrimToNull()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  allergies?: string | null;

  @ApiProperty({ description: "Projet d'accueil individualisé (donnée de santé)" })
  @IsBoolean()
  pai!: boolean;
}

export const childDetails = (input: ChildInput): ChildDetails => ({
  lastName: input.lastName,
  firstName: input.firstName,
  birthDate: input.birthDate,
  school: input.school,
  className: input.className,
  diet: input.diet,
  allergies: input.allergies ?? null,
  pai: input.pai,
});

/** Step 3: the children of the household (at least one). */
export class ChildrenStepInput {
  @ApiProperty({ type: [ChildInput] })
  @IsArray()
  @ArrayMinSize(1, { message: 'Ajoutez au moins un enfant.' })
  @ArrayMaxSize(12, { message: 'Au plus 12 enfants.' })
  @ValidateNested({ each: true })
  @Type(() => ChildInput)
  children!: ChildInput[];
}
