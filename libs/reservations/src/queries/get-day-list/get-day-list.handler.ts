import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { CatalogueReader } from '#ardoise/catalogue';
import type { DayList } from '#ardoise/contracts';
import { DATABASE, inOneSnapshot } from '#ardoise/database';
import { FamilyChildrenReader } from '#ardoise/families';
import type { ReservationsDatabase } from '../../projections/reservations-database.js';
import { ATTENDANCE_TABLE, RESERVATION_LINES_TABLE } from '../../projections/reservations.projector.js';
import { GetDayList } from './get-day-list.query.js';

/** The attendance sheet: who is booked (sorted by name), and who came without a booking. */
@QueryHandler(GetDayList)
export class GetDayListHandler implements IQueryHandler<GetDayList> {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<ReservationsDatabase>,
    @Inject(CatalogueReader) private readonly catalogue: CatalogueReader,
    @Inject(FamilyChildrenReader) private readonly children: FamilyChildrenReader,
  ) {}

  async execute({ serviceCode, date }: GetDayList): Promise<DayList> {
    const service = await this.catalogue.service(serviceCode);
    // The bookings and the attendance marks of one moment: a mark projected meanwhile shows with its booking.
    const { booked, marks } = await inOneSnapshot(this.db, async (db) => ({
      booked: await db
        .selectFrom(RESERVATION_LINES_TABLE)
        .select(['reservation_id', 'child_id', 'family_id', 'absence'])
        .where('service_code', '=', serviceCode)
        .where('date', '=', date)
        .where('status', '=', 'validated')
        .execute(),
      marks: await db
        .selectFrom(ATTENDANCE_TABLE)
        .select(['child_id', 'family_id', 'status'])
        .where('service_code', '=', serviceCode)
        .where('date', '=', date)
        .execute(),
    }));
    const cards = await this.children.find([...booked.map((b) => b.child_id), ...marks.map((m) => m.child_id)]);
    const mark = new Map(marks.map((m) => [m.child_id, m.status]));
    const person = (childId: string) => {
      const c = cards.get(childId);
      return {
        childId,
        firstName: c?.firstName ?? null,
        lastName: c?.lastName ?? null,
        school: c?.school ?? null,
        className: c?.className ?? null,
        diet: c?.diet ?? null,
        allergies: c?.allergies ?? null,
        pai: c?.pai ?? false,
      };
    };
    const children = booked
      .map((b) => ({ ...person(b.child_id), reservationId: b.reservation_id, absence: b.absence, attendance: mark.get(b.child_id) ?? null }))
      .sort((a, b) => `${a.lastName} ${a.firstName}`.localeCompare(`${b.lastName} ${b.firstName}`, 'fr'));
    const unbooked = marks.filter((m) => m.status === 'present_unbooked').map((m) => ({ ...person(m.child_id), attendance: 'present_unbooked' as const }));
    return { serviceCode, label: service.label, date, capacity: service.dailyCapacity, booked: children.length, children, presentWithoutBooking: unbooked };
  }
}
