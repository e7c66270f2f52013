import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { sql, type Kysely } from 'kysely';
import type { ReservationHistory } from '#ardoise/contracts';
import { DATABASE } from '#ardoise/database';
import type { ReservationsDatabase } from '../../projections/reservations-database.js';
import { RESERVATION_LINES_TABLE } from '../../projections/reservations.projector.js';
import { rejectionMessage } from '../../rejection-messages.js';
import { ListFamilyReservations } from './list-family-reservations.query.js';

/** Every reservation but the basket's (requested, removed): at most 2,000 rows, the refusals in words. */
@QueryHandler(ListFamilyReservations)
export class ListFamilyReservationsHandler implements IQueryHandler<ListFamilyReservations> {
  constructor(@Inject(DATABASE) private readonly db: Kysely<ReservationsDatabase>) {}

  async execute({ familyId, from, to }: ListFamilyReservations): Promise<ReservationHistory> {
    const rows = await this.db
      .selectFrom(RESERVATION_LINES_TABLE)
      .select([
        'reservation_id',
        'child_id',
        'service_code',
        sql<string>`date::text`.as('day'),
        'status',
        'code',
        'closed_reason',
        'closed_name',
        'absence',
        'charged',
        'cancelled_by',
        'cancel_reason',
        'overridden',
        'updated_at',
      ])
      .where('family_id', '=', familyId)
      .where('date', '>=', from)
      .where('date', '<=', to)
      .where('status', '!=', 'requested')
      .where('status', '!=', 'removed')
      .orderBy('date', 'desc')
      .orderBy('service_code')
      .limit(2000)
      .execute();
    return {
      familyId,
      reservations: rows.map((r) => ({
        reservationId: r.reservation_id,
        childId: r.child_id,
        serviceCode: r.service_code,
        date: r.day,
        status: r.status,
        code: r.code,
        message: r.code
          ? rejectionMessage(r.code, r.closed_reason ? { reason: r.closed_reason, ...(r.closed_name ? { name: r.closed_name } : {}) } : null)
          : null,
        absence: r.absence,
        charged: r.charged,
        cancelledBy: r.cancelled_by,
        cancelReason: r.cancel_reason,
        deadlineOverridden: r.overridden,
        updatedAt: new Date(r.updated_at).toISOString(),
      })),
    };
  }
}
