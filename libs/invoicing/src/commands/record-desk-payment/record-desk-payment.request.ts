import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { IsLocalDate } from '#ardoise/catalogue';
import { DESK_MEANS, type DeskMeans } from '../../domain/invoice-events.js';

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
