import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { DAY, DAY_MESSAGE } from '../../requests/day.js';
import { Trim } from '../../requests/trim.js';

/** The family's quotient familial (CAF/MSA), set from the proof the family gave. */
export class SetQuotientRequest {
  @ApiProperty({ example: 742, description: 'Quotient familial en euros' })
  @IsInt()
  @Min(0)
  @Max(100_000)
  amount!: number;

  @ApiProperty({ example: '2026-01-01' })
  @IsString()
  @Matches(DAY, { message: DAY_MESSAGE })
  validFrom!: string;

  @ApiProperty({ example: '2026-12-31' })
  @IsString()
  @Matches(DAY, { message: DAY_MESSAGE })
  validUntil!: string;

  @ApiProperty({ example: 'ATTESTATION-CAF-2026-01', description: 'Référence du justificatif (pas de nom de personne)' })
  @Trim()
  @IsString()
  @Matches(/^[A-Za-z0-9 _./-]{1,60}$/, { message: 'Référence de justificatif invalide (lettres, chiffres, - _ . /, 60 caractères au plus).' })
  proofReference!: string;
}
