import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { PERIOD_PATTERN } from '../../domain/billing.js';

export class StartBillingRunRequest {
  @ApiProperty({ example: '2026-03', description: 'Mois facturé (AAAA-MM), terminé' })
  @IsString()
  @Matches(PERIOD_PATTERN, { message: 'Mois invalide (format attendu : AAAA-MM).' })
  period!: string;
}
