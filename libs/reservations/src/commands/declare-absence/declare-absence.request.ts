import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { SlotRequest } from '../../http/slot.request.js';

export class AbsenceRequest extends SlotRequest {
  @ApiProperty({ type: String, minLength: 2, maxLength: 500 })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason!: string;
}
