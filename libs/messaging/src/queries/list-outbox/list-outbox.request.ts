import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export class ListOutboxRequest {
  /** Only the e-mails sent to this address. */
  @IsOptional()
  @IsEmail()
  to?: string;

  @IsOptional()
  @IsIn(['pending', 'sent', 'failed', 'held'])
  status?: 'pending' | 'sent' | 'failed' | 'held';

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}
