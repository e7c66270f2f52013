import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsLocalDate } from '#ardoise/catalogue';

export class PeriodQuery {
  @ApiProperty({ enum: ['month', 'week'] })
  @IsIn(['month', 'week'])
  view!: 'month' | 'week';
  @ApiProperty({ type: String, format: 'date', example: '2026-09-14' })
  @IsLocalDate()
  date!: string;
}
