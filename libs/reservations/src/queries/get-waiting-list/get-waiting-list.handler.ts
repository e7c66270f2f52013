import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { CatalogueReader } from '#ardoise/catalogue';
import { DATABASE } from '#ardoise/database';
import { FamilyChildrenReader } from '#ardoise/families';
import type { ReservationsDatabase } from '../../projections/reservations-database.js';
import { RESERVATION_LINES_TABLE } from '../../projections/reservations.projector.js';
import { GetWaitingList } from './get-waiting-list.query.js';
import type { WaitingList } from './get-waiting-list.view.js';

/** In the order the day put them on the list (the revision of the day when each was waitlisted). */
@QueryHandler(GetWaitingList)
export class GetWaitingListHandler implements IQueryHandler<GetWaitingList> {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<ReservationsDatabase>,
    @Inject(CatalogueReader) private readonly catalogue: CatalogueReader,
    @Inject(FamilyChildrenReader) private readonly children: FamilyChildrenReader,
  ) {}

  async execute({ serviceCode, date }: GetWaitingList): Promise<WaitingList> {
    await this.catalogue.service(serviceCode);
    const rows = await this.db
      .selectFrom(RESERVATION_LINES_TABLE)
      .select(['reservation_id', 'child_id', 'family_id'])
      .where('service_code', '=', serviceCode)
      .where('date', '=', date)
      .where('status', '=', 'waitlisted')
      .orderBy('queue_revision')
      .execute();
    const cards = await this.children.find(rows.map((r) => r.child_id));
    return {
      serviceCode,
      date,
      waiting: rows.map((r, i) => ({
        rank: i + 1,
        reservationId: r.reservation_id,
        childId: r.child_id,
        familyId: r.family_id,
        firstName: cards.get(r.child_id)?.firstName ?? null,
        lastName: cards.get(r.child_id)?.lastName ?? null,
      })),
    };
  }
}
