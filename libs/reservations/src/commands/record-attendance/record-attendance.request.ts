import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import type { AttendanceStatus } from '../../domain/reservation-events.js';

export class AttendanceRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  childId!: string;
  @ApiProperty({ enum: ['present', 'absent', 'excused', 'present_unbooked'] })
  @IsIn(['present', 'absent', 'excused', 'present_unbooked'])
  status!: AttendanceStatus;
  /** When the mark was taken on the tablet (sent later when it was offline); the later mark wins. */
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'Date et heure invalides (ISO 8601 attendu).' })
  markedAt?: string;
}
