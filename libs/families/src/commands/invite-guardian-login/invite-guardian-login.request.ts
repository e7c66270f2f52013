import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, MaxLength } from 'class-validator';
import { TrimToNull } from '../../requests/trim.js';

export class InviteGuardianLoginRequest {
  @ApiPropertyOptional({ description: 'Adresse de connexion du responsable ; par défaut celle de sa fiche' })
  @TrimToNull()
  @IsOptional()
  @IsEmail({}, { message: 'Adresse e-mail invalide.' })
  @MaxLength(254)
  email?: string | null;
}
