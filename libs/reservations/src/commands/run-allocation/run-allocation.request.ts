import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class AllocationRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  openingId!: string;
}
