import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min, ValidateBy } from 'class-validator';
import { isBic, isIban, normaliseIban } from '../../domain/bank-account.js';
import { Trim } from '../inputs/trim.js';

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DAY_MESSAGE = 'Date invalide (format attendu : AAAA-MM-JJ).';

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

export class SignMandateRequest {
  @ApiProperty({ example: 'RUM-2026-000042', description: 'Référence unique du mandat SEPA' })
  @Trim()
  @IsString()
  @Matches(/^[A-Za-z0-9+?/:().,' -]{1,35}$/, { message: 'Référence de mandat invalide (35 caractères au plus).' })
  mandateReference!: string;

  @ApiProperty({ example: '2026-02-01' })
  @IsString()
  @Matches(DAY, { message: DAY_MESSAGE })
  signedOn!: string;

  @ApiProperty({ example: 'FR76 3000 1007 9412 3456 7890 185', description: 'IBAN du compte débité (espaces acceptés)' })
  @Transform(({ value }) => normaliseIban(value))
  @ValidateBy(
    { name: 'isIban', validator: { validate: isIban } },
    { message: 'IBAN invalide : vérifiez le code pays, la longueur et la clé de contrôle (par exemple FR76 3000 1007 9412 3456 7890 185).' },
  )
  iban!: string;

  @ApiProperty({ required: false, example: 'BNPAFRPP', description: 'BIC de la banque (facultatif)' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.replace(/\s+/g, '').toUpperCase() || null : value))
  @ValidateBy({ name: 'isBic', validator: { validate: isBic } }, { message: 'BIC invalide (8 ou 11 caractères, par exemple BNPAFRPP).' })
  bic?: string | null;
}

export class RevokeMandateRequest {
  @ApiProperty({ example: '2026-06-30' })
  @IsString()
  @Matches(DAY, { message: DAY_MESSAGE })
  revokedOn!: string;
}
