import { IsIn, IsOptional } from 'class-validator';
import { IsLocalDate } from '#ardoise/catalogue';
import { PAYMENT_MEANS } from '../../domain/invoice-events.js';
import { FormatQuery } from '../../exports/format.request.js';

export class PaymentsQuery extends FormatQuery {
  @IsOptional() @IsLocalDate() from?: string;
  @IsOptional() @IsLocalDate() to?: string;
  @IsOptional() @IsIn(PAYMENT_MEANS as unknown as string[]) means?: string;
}
