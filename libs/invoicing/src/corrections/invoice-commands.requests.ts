import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { IsLocalDate } from '#ardoise/catalogue';
import { DESK_MEANS, type DeskMeans } from '../domain/invoice-events.js';

// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const REASON = /^[^\u0000-\u001f]{3,300}$/;
const REASON_MESSAGE = 'Motif de 3 à 300 caractères.';

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

export class DeskPaymentRequest {
  @ApiProperty({ enum: DESK_MEANS, description: 'cesu seulement si la commune les accepte (TOWN_ACCEPTS_CESU)' })
  @IsIn(DESK_MEANS as unknown as string[], { message: 'Moyen de paiement : cash (espèces), cheque ou cesu.' })
  means!: DeskMeans;

  @ApiProperty({ example: 2620 })
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  amountCents!: number;

  @ApiProperty({ required: false, example: '2026-04-12' })
  @IsOptional()
  @IsLocalDate()
  paidOn?: string;

  @ApiProperty({ required: false, example: 'Chèque n° 1234567' })
  @IsOptional()
  @IsString()
  @Matches(/^.{1,60}$/, { message: 'Référence de 60 caractères au plus.' })
  reference?: string;
}

export class RefundRequest {
  @ApiProperty({ example: 320 })
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  amountCents!: number;

  @ApiProperty({ example: 'Trop-perçu après avoir' })
  @IsString()
  @Matches(REASON, { message: REASON_MESSAGE })
  reason!: string;
}

export class DebitRejectionRequest {
  @ApiProperty({ example: 'AM04', description: 'Code motif SEPA du rejet (AM04 provision insuffisante, MD01 pas de mandat…)' })
  @IsString()
  @Matches(/^[A-Z0-9]{4}$/, { message: 'Code motif SEPA de 4 caractères.' })
  reasonCode!: string;
}
