import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsInt, IsOptional, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';
import { IsLocalDate } from '#ardoise/catalogue';

export class TariffBracketRequest {
  @ApiProperty({ example: 'T1' })
  @IsString()
  @Matches(/^[A-Z0-9_-]{1,10}$/, { message: 'Code de tranche : 1 à 10 lettres majuscules ou chiffres.' })
  code!: string;

  @ApiProperty({ example: 'QF de 0 à 500 €' })
  @IsString()
  @Matches(/^.{1,80}$/, { message: 'Libellé de 80 caractères au plus.' })
  label!: string;

  @ApiProperty({ example: 0 })
  @IsInt()
  @Min(0)
  @Max(100_000)
  qfFrom!: number;

  @ApiProperty({ example: 500, nullable: true, description: 'null pour la dernière tranche (sans plafond)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  qfTo!: number | null;

  @ApiProperty({ example: 100, description: 'Prix unitaire en centimes' })
  @IsInt()
  @Min(0)
  @Max(100_000)
  unitPriceCents!: number;

  @ApiProperty({ required: false, description: 'Tranche « cantine à 1 € » (tarification sociale)' })
  @IsOptional()
  @IsBoolean()
  cantineAUnEuro?: boolean;
}

export class SetTariffRequest {
  @ApiProperty({ example: '2026-01-01', description: 'Date d’effet' })
  @IsLocalDate()
  effectiveFrom!: string;

  @ApiProperty({ type: [TariffBracketRequest] })
  @ValidateNested({ each: true })
  @Type(() => TariffBracketRequest)
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  brackets!: TariffBracketRequest[];

  @ApiProperty({ example: 100, description: 'Majoration par jour réservé hors délai, en centimes' })
  @IsInt()
  @Min(0)
  @Max(100_000)
  lateBookingSurchargeCents!: number;

  @ApiProperty({ example: 200, description: 'Majoration par présence sans réservation, en centimes' })
  @IsInt()
  @Min(0)
  @Max(100_000)
  unbookedPresenceSurchargeCents!: number;
}
