import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { REASON, REASON_MESSAGE } from '../issue-credit-note/issue-credit-note.request.js';

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
