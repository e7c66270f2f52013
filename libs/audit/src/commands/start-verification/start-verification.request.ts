import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';

export const VERIFICATION_KINDS = ['read-models', 'chain'] as const;

export class StartVerificationRequest {
  @ApiProperty({
    enum: VERIFICATION_KINDS,
    description: 'read-models : reconstruit à part et compare aux tables en service ; chain : recalcule les chaînes d’empreintes et les ancres',
  })
  @IsIn(VERIFICATION_KINDS, { message: 'Vérification : read-models ou chain.' })
  kind!: (typeof VERIFICATION_KINDS)[number];

  @ApiPropertyOptional({ description: 'read-models : une seule projection (défaut : toutes)' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{0,62}$/, { message: 'Nom de projection invalide.' })
  projection?: string;
}
