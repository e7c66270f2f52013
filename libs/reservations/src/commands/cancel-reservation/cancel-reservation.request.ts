import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { SlotRequest } from '../../http/slot.request.js';

export class CancelRequest extends SlotRequest {
  @ApiPropertyOptional({ type: String, minLength: 3, maxLength: 500 })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason?: string;
}
