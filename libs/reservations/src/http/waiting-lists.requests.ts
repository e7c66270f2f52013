import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsLocalDate } from '#ardoise/catalogue';

export class WaitingDaysQuery {
  @IsLocalDate()
  from!: string;
  @IsLocalDate()
  to!: string;
}

export class PromoteRangeRequest {
  @ApiProperty({ type: String, format: 'date', example: '2026-09-14' })
  @IsLocalDate()
  from!: string;
  @ApiProperty({ type: String, format: 'date', example: '2026-09-14' })
  @IsLocalDate()
  to!: string;
}

export class PromoteDayRequest {
  /** The waiting child's reservation; absent: the first in line, up to the free places. */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  reservationId?: string;
}
