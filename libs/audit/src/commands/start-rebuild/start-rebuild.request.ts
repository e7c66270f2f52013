import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Matches } from 'class-validator';

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
