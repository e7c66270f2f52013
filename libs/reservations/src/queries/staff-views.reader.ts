import { Inject, Injectable } from '@nestjs/common';
import { sql, type Kysely } from 'kysely';
import { CatalogueReader } from '#ardoise/catalogue';
import { DATABASE } from '#ardoise/database';
import { ChildDirectory } from '../children/child-directory.js';
import type { RejectionCode } from '../domain/reservation-events.js';
import { ATTENDANCE_TABLE, RESERVATION_DAYS_TABLE, RESERVATION_LINES_TABLE } from '../projections/reservations.projector.js';
import { rejectionMessage } from '../rejection-messages.js';

/** What the town's staff read: who comes, what to cook, who is waiting, who came. */
@Injectable()
export class StaffViewsReader {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<any>,
    @Inject(CatalogueReader) private readonly catalogue: CatalogueReader,
    @Inject(ChildDirectory) private readonly children: ChildDirectory,
  ) {}

  /** Booked children with diets and allergies, and the attendance marked so far (the attendance sheet). */
  async dayList(serviceCode: string, date: string) {
    const service = await this.catalogue.service(serviceCode);
    const booked = await this.db
      .selectFrom(RESERVATION_LINES_TABLE)
      .select(['reservation_id', 'child_id', 'family_id', 'absence'])
      .where('service_code', '=', serviceCode)
      .where('date', '=', date)
      .where('status', '=', 'validated')
      .execute();
    const marks = await this.db
      .selectFrom(ATTENDANCE_TABLE)
      .select(['child_id', 'family_id', 'status'])
      .where('service_code', '=', serviceCode)
      .where('date', '=', date)
      .execute();
    const cards = await this.children.find([...booked.map((b) => b.child_id), ...marks.map((m) => m.child_id)]);
    const mark = new Map(marks.map((m) => [m.child_id as string, m.status as string]));
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
    const unbooked = marks.filter((m) => m.status === 'present_unbooked').map((m) => ({ ...person(m.child_id), attendance: 'present_unbooked' }));
    return { serviceCode, label: service.label, date, capacity: service.dailyCapacity, booked: children.length, children, presentWithoutBooking: unbooked };
  }

  /** Meals to order from the caterer: per school, per diet (absences declared are left out). */
  async mealCounts(serviceCode: string, date: string) {
    const list = await this.dayList(serviceCode, date);
    const schools = new Map<string, { school: string; total: number; byDiet: Record<string, number>; withAllergies: number }>();
    for (const child of list.children.filter((c) => !c.absence)) {
      const key = child.school ?? 'École non renseignée';
      const row = schools.get(key) ?? { school: key, total: 0, byDiet: {}, withAllergies: 0 };
      row.total++;
      const diet = child.diet ?? 'standard';
      row.byDiet[diet] = (row.byDiet[diet] ?? 0) + 1;
      if (child.allergies || child.pai) row.withAllergies++;
      schools.set(key, row);
    }
    const rows = [...schools.values()].sort((a, b) => a.school.localeCompare(b.school, 'fr'));
    return { serviceCode, date, total: rows.reduce((sum, r) => sum + r.total, 0), schools: rows };
  }

  async occupancy(serviceCode: string, from: string, to: string) {
    const service = await this.catalogue.service(serviceCode);
    const rows = await this.db
      .selectFrom(RESERVATION_DAYS_TABLE)
      .select([sql<string>`date::text`.as('day'), 'validated', 'waitlisted', 'submitted'])
      .where('service_code', '=', serviceCode)
      .where('date', '>=', from)
      .where('date', '<=', to)
      .orderBy('date')
      .execute();
    return {
      serviceCode,
      capacity: service.dailyCapacity,
      days: rows.map((r) => ({
        date: r.day,
        validated: r.validated,
        waitlisted: r.waitlisted,
        submitted: r.submitted,
        free: service.dailyCapacity === null ? null : Math.max(0, service.dailyCapacity - r.validated),
      })),
    };
  }

  async waitingList(serviceCode: string, date: string) {
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

  /** A family's reservations (history), newest day first. */
  async history(familyId: string, from: string, to: string) {
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
          ? rejectionMessage(r.code as RejectionCode, r.closed_reason ? { reason: r.closed_reason, ...(r.closed_name ? { name: r.closed_name } : {}) } : null)
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
