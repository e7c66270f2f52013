import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class PromoteDayRequest {
  /** The waiting child's reservation; absent: the first in line, up to the free places. */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  reservationId?: string;
}
