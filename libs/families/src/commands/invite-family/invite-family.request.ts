import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { Trim, TrimToNull } from '../../requests/trim.js';

export class InviteFamilyRequest {
  @ApiProperty({ example: 'famille.martin@example.fr' })
  @Trim()
  @IsEmail({}, { message: 'Adresse e-mail invalide.' })
  @MaxLength(254)
  email!: string;

  @ApiPropertyOptional({ example: 'Martin', description: 'Pré-remplit le nom du foyer' })
  @TrimToNull()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  familyName?: string | null;
}
