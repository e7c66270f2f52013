import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { DATABASE } from '#ardoise/database';
import type { LocalDate } from '#ardoise/kernel';
import type { ReservationsDatabase } from '../projections/reservations-database.js';

/** A reservation that holds a place or waits for one: booked, waitlisted, or awaiting the allocation. */
const LIVE_STATUSES = ['validated', 'waitlisted', 'submitted'] as const;

/** What other contexts read of a family's reservations (messaging's news audience, through libs/composition). */
@Injectable()
export class FamilyReservationsReader {
  constructor(@Inject(DATABASE) private readonly db: Kysely<ReservationsDatabase>) {}

  /** The codes of the prestations on which one of the family's children holds a live reservation on `since` or later. */
  async servicesUsedSince(familyId: string, since: LocalDate): Promise<string[]> {
    const rows = await this.db
      .selectFrom('reservation_lines')
      .select('service_code')
      .distinct()
      .where('family_id', '=', familyId)
      .where('status', 'in', LIVE_STATUSES)
      .where('date', '>=', since)
      .execute();
    return rows.map((row) => row.service_code);
  }
}
