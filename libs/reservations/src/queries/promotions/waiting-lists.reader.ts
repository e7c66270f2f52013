import { Inject, Injectable } from '@nestjs/common';
import { sql, type Kysely } from 'kysely';
import { CatalogueReader } from '#ardoise/catalogue';
import { DATABASE } from '#ardoise/database';
import { EVENT_STORE, type EventStore } from '#ardoise/event-store';
import { OUTBOX_TABLE } from '#ardoise/messaging';
import { ChildDirectory } from '../../children/child-directory.js';
import { serviceDayStream, type ReservationPromoted } from '../../domain/reservation-events.js';
import { RESERVATION_DAYS_TABLE } from '../../projections/reservations.projector.js';

/** What the waiting-lists screen reads: the days with children waiting, and who got a place and was told. */
@Injectable()
export class WaitingListsReader {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<any>,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CatalogueReader) private readonly catalogue: CatalogueReader,
    @Inject(ChildDirectory) private readonly children: ChildDirectory,
  ) {}

  /** Days of a prestation with children waiting, with the places left (a raised capacity shows here). */
  async days(serviceCode: string, from: string, to: string) {
    const service = await this.catalogue.service(serviceCode);
    const rows = await this.db
      .selectFrom(RESERVATION_DAYS_TABLE)
      .select([sql<string>`date::text`.as('day'), 'validated', 'waitlisted'])
      .where('service_code', '=', service.code)
      .where('date', '>=', from)
      .where('date', '<=', to)
      .where('waitlisted', '>', 0)
      .orderBy('date')
      .execute();
    return {
      serviceCode: service.code,
      capacity: service.dailyCapacity,
      days: rows.map((r) => ({
        date: r.day,
        validated: r.validated,
        waitlisted: r.waitlisted,
        free: service.dailyCapacity === null ? r.waitlisted : Math.max(0, service.dailyCapacity - r.validated),
      })),
    };
  }

  /**
   * Who was promoted on a day, when, by whom (an agent, or a cancellation), and where their
   * e-mail stands in the outbox (the notification is keyed by the event's id).
   */
  async promotions(serviceCode: string, date: string) {
    await this.catalogue.service(serviceCode);
    const promotions: { eventId: string; at: string; byRole: string; data: ReservationPromoted['data'] }[] = [];
    for await (const event of this.store.readStream(serviceDayStream(serviceCode, date))) {
      if (event.type !== 'ReservationPromoted') continue;
      const metadata = event.metadata as { occurredAt: string; actor: { role: string } };
      promotions.push({ eventId: event.id, at: metadata.occurredAt, byRole: metadata.actor.role, data: event.data as ReservationPromoted['data'] });
    }
    const mails = promotions.length
      ? await this.db
          .selectFrom(OUTBOX_TABLE)
          .select(['dedupe_key', 'status', 'sent_at'])
          .where(
            'dedupe_key',
            'in',
            promotions.map((p) => p.eventId),
          )
          .execute()
      : [];
    const mailOf = new Map(mails.map((m) => [m.dedupe_key as string, m]));
    const cards = await this.children.find(promotions.map((p) => p.data.childId));
    return {
      serviceCode,
      date,
      promotions: promotions.map((p) => {
        const mail = mailOf.get(p.eventId);
        return {
          reservationId: p.data.reservationId,
          childId: p.data.childId,
          familyId: p.data.familyId,
          firstName: cards.get(p.data.childId)?.firstName ?? null,
          lastName: cards.get(p.data.childId)?.lastName ?? null,
          promotedAt: p.at,
          /** 'agent' / 'admin' when a member of staff gave the place; 'parent' when a family's cancellation freed it. */
          promotedBy: p.byRole,
          /** null: no e-mail (yet, or no address); else the outbox status: held, pending, sent, failed. */
          mail: mail ? { status: mail.status as string, sentAt: mail.sent_at ? new Date(mail.sent_at).toISOString() : null } : null,
        };
      }),
    };
  }
}
