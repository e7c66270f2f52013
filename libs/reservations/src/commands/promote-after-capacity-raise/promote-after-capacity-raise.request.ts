import { ApiProperty } from '@nestjs/swagger';
import { IsLocalDate } from '#ardoise/catalogue';

export class PromoteRangeRequest {
  @ApiProperty({ type: String, format: 'date', example: '2026-09-14' })
  @IsLocalDate()
  from!: string;
  @ApiProperty({ type: String, format: 'date', example: '2026-09-14' })
  @IsLocalDate()
  to!: string;
}
