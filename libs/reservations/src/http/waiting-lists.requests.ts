import { IsOptional, IsUUID } from 'class-validator';
import { IsLocalDate } from '#ardoise/catalogue';

export class WaitingDaysQuery {
  @IsLocalDate()
  from!: string;
  @IsLocalDate()
  to!: string;
}

export class PromoteRangeRequest {
  @IsLocalDate()
  from!: string;
  @IsLocalDate()
  to!: string;
}

export class PromoteDayRequest {
  /** The waiting child's reservation; absent: the first in line, up to the free places. */
  @IsOptional() @IsUUID()
  reservationId?: string;
}
