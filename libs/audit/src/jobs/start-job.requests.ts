import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Matches } from 'class-validator';

export class StartRebuildRequest {
  @ApiPropertyOptional({ description: 'La projection à reconstruire (ex. catalogue-services)' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{0,62}$/, { message: 'Nom de projection invalide.' })
  projection?: string;

  @ApiPropertyOptional({ description: 'Toutes les projections' })
  @IsOptional()
  @IsBoolean()
  all?: boolean;
}

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
