import { ApiProperty } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsLocalDate } from '#ardoise/catalogue';

/** The day a finance batch is made for (direct debits due, invoices overdue); today when absent. */
export class DateRequest {
  @ApiProperty({ required: false, example: '2026-05-01' }) @IsOptional() @IsLocalDate() date?: string;
}
