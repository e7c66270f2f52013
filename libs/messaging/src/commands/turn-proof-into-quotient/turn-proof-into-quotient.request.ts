import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DAY_MESSAGE = 'Date invalide (format attendu : AAAA-MM-JJ).';

/**
 * The quotient familial read from the family's proof. The proof reference is not asked:
 * it is the request itself (and the family's file). The families context checks the rest.
 */
export class TurnProofIntoQuotientRequest {
  @ApiProperty({ example: 742, description: 'Quotient familial en euros' })
  @IsInt({ message: 'Le quotient familial doit être un nombre entier d’euros.' })
  @Min(0, { message: 'Le quotient familial ne peut pas être négatif.' })
  @Max(100_000, { message: 'Le quotient familial ne peut pas dépasser 100 000 €.' })
  amount!: number;

  @ApiProperty({ example: '2026-01-01' })
  @IsString()
  @Matches(DAY, { message: DAY_MESSAGE })
  validFrom!: string;

  @ApiProperty({ example: '2026-12-31' })
  @IsString()
  @Matches(DAY, { message: DAY_MESSAGE })
  validUntil!: string;
}
