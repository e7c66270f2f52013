import { Command } from '@nestjs/cqrs';
import type { AttendanceStatus } from '../../domain/reservation-events.js';

export class RecordAttendance extends Command<void> {
  constructor(
    readonly serviceCode: string,
    readonly date: string,
    readonly childId: string,
    readonly status: AttendanceStatus,
    /** When the agent took the mark on the device (ISO instant), if it says so. */
    readonly markedAt: string | null = null,
  ) {
    super();
  }
}
