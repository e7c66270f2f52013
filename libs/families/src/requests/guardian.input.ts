import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsEmail, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { CIVILITIES, type Civility, type GuardianDetails } from '../domain/personal-data.js';
import { PHONE, PHONE_MESSAGE, Trim, TrimToNull } from './trim.js';

export class AddressInput {
  @ApiProperty({ example: '12 rue des Écoles' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  line1!: string;

  @ApiPropertyOptional({ example: 'Bâtiment B' })
  @TrimToNull()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  line2?: string | null;

  @ApiProperty({ example: '41120' })
  @Trim()
  @IsString()
  @Matches(/^\d{5}$/, { message: 'Code postal invalide (5 chiffres).' })
  postalCode!: string;

  @ApiProperty({ example: 'Chailles' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  city!: string;
}

/** A responsable légal, as in the guide's step 1.2 ("Responsables"). */
export class GuardianInput {
  @ApiProperty({ enum: CIVILITIES })
  @IsIn(CIVILITIES, { message: 'Choisissez Madame ou Monsieur.' })
  civility!: Civility;

  @ApiProperty({ example: 'Martin' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  lastName!: string;

  @ApiProperty({ example: 'Claire' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  firstName!: string;

  @ApiPropertyOptional({ example: '06 12 34 56 78' })
  @TrimToNull()
  @IsOptional()
  @IsString()
  @Matches(PHONE, { message: PHONE_MESSAGE })
  mobilePhone?: string | null;

  @ApiPropertyOptional()
  @TrimToNull()
  @IsOptional()
  @IsString()
  @Matches(PHONE, { message: PHONE_MESSAGE })
  homePhone?: string | null;

  @ApiPropertyOptional()
  @TrimToNull()
  @IsOptional()
  @IsString()
  @Matches(PHONE, { message: PHONE_MESSAGE })
  workPhone?: string | null;

  @ApiPropertyOptional({ example: 'claire.martin@example.fr' })
  @TrimToNull()
  @IsOptional()
  @IsEmail({}, { message: 'Adresse e-mail invalide.' })
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ type: AddressInput })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressInput)
  address?: AddressInput | null;
}

export const guardianDetails = (input: GuardianInput): GuardianDetails => ({
  civility: input.civility,
  lastName: input.lastName,
  firstName: input.firstName,
  mobilePhone: input.mobilePhone ?? null,
  homePhone: input.homePhone ?? null,
  workPhone: input.workPhone ?? null,
  email: input.email ?? null,
  address: input.address
    ? { line1: input.address.line1, line2: input.address.line2 ?? null, postalCode: input.address.postalCode, city: input.address.city }
    : null,
});

/** Step 2: Responsable 1 (required) and Responsable 2 (optional). */
export class GuardiansStepInput {
  @ApiProperty({ type: GuardianInput })
  @IsDefined()
  @IsObject({ message: 'Ce champ doit être un objet.' })
  @ValidateNested()
  @Type(() => GuardianInput)
  responsable1!: GuardianInput;

  @ApiPropertyOptional({ type: GuardianInput })
  @IsOptional()
  @ValidateNested()
  @Type(() => GuardianInput)
  responsable2?: GuardianInput | null;
}
