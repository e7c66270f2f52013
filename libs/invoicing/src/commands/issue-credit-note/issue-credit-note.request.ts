import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

// eslint-disable-next-line no-control-regex -- refusing control characters is the point
export const REASON = /^[^\u0000-\u001f]{3,300}$/;
export const REASON_MESSAGE = 'Motif de 3 à 300 caractères.';

export class CreditNoteRequest {
  @ApiProperty({ required: false, description: 'Montant en centimes ; absent avec whole=true (avoir total)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  amountCents?: number;

  @ApiProperty({ required: false })
  @IsOptional()
  @IsBoolean()
  whole?: boolean;

  @ApiProperty({ example: 'Absence pour maladie signalée après la facturation' })
  @IsString()
  @Matches(REASON, { message: REASON_MESSAGE })
  reason!: string;

  @ApiProperty({ required: false, description: 'Émettre une facture rectificative recalculée (avec un avoir total)' })
  @IsOptional()
  @IsBoolean()
  reissue?: boolean;
}
