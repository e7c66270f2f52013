import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, MaxLength } from 'class-validator';
import { TrimToNull } from '../../requests/trim.js';

export class ResendInvitationRequest {
  @ApiPropertyOptional({ description: 'Une autre adresse (corrigée) ; sinon la même' })
  @TrimToNull()
  @IsOptional()
  @IsEmail({}, { message: 'Adresse e-mail invalide.' })
  @MaxLength(254)
  email?: string | null;
}
