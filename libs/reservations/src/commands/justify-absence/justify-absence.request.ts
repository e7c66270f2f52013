import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { SlotRequest } from '../../http/slot.request.js';

export class JustifyAbsenceRequest extends SlotRequest {
  @ApiPropertyOptional({ type: String, maxLength: 120 })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  certificateReference?: string;
}
