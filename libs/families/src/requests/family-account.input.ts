import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Trim } from './trim.js';

/** Step 1: the family account (guide step 1.2, "Compte famille"). */
export class FamilyAccountStepInput {
  @ApiProperty({ example: 'Martin', description: 'Nom du foyer' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  familyName!: string;

  @ApiProperty({ example: 'claire.martin@example.fr', description: 'Identifiant de connexion' })
  @Trim()
  @IsEmail({}, { message: 'Adresse e-mail invalide.' })
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(128)
  password!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(128)
  passwordConfirmation!: string;
}
