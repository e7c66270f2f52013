import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, ValidateBy } from 'class-validator';
import { isBic, isIban, normaliseIban } from '../../domain/bank-account.js';
import { DAY, DAY_MESSAGE } from '../../requests/day.js';
import { Trim } from '../../requests/trim.js';

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
