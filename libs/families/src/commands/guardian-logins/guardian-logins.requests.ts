import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, MaxLength } from 'class-validator';
import { TrimToNull } from '../inputs/trim.js';

export class InviteGuardianLoginRequest {
  @ApiPropertyOptional({ description: 'Adresse de connexion du responsable ; par défaut celle de sa fiche' })
  @TrimToNull()
  @IsOptional()
  @IsEmail({}, { message: 'Adresse e-mail invalide.' })
  @MaxLength(254)
  email?: string | null;
}

export class AcceptGuardianInvitationRequest {
  @ApiProperty()
  @IsString()
  @MaxLength(128)
  password!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(128)
  passwordConfirmation!: string;
}
