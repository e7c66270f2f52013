import { ApiProperty } from '@nestjs/swagger';
import { IsUUID, Matches } from 'class-validator';
import { IsLocalDate } from '#ardoise/catalogue';

/** A prestation's code, as the catalogue defines them. */
export const SERVICE_CODE = /^[A-Z0-9_-]{2,20}$/;
export const SERVICE_CODE_MESSAGE = { message: 'Code de prestation invalide.' };

export class SlotRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  childId!: string;
  @ApiProperty({ type: String, pattern: '^[A-Z0-9_-]{2,20}$', example: 'CANTINE' })
  @Matches(SERVICE_CODE, SERVICE_CODE_MESSAGE)
  serviceCode!: string;
  @ApiProperty({ type: String, format: 'date', example: '2026-09-14' })
  @IsLocalDate()
  date!: string;
}
