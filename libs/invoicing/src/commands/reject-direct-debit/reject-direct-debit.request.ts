import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

export class DebitRejectionRequest {
  @ApiProperty({ example: 'AM04', description: 'Code motif SEPA du rejet (AM04 provision insuffisante, MD01 pas de mandat…)' })
  @IsString()
  @Matches(/^[A-Z0-9]{4}$/, { message: 'Code motif SEPA de 4 caractères.' })
  reasonCode!: string;
}
