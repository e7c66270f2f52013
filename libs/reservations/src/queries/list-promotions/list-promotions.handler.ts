import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { CatalogueReader } from '#ardoise/catalogue';
import { DATABASE } from '#ardoise/database';
import { EVENT_STORE, type EventStore } from '#ardoise/event-store';
import { FamilyChildrenReader } from '#ardoise/families';
import { OUTBOX_TABLE } from '#ardoise/messaging';
import { serviceDayStream, type ReservationPromoted } from '../../domain/reservation-events.js';
import type { ReservationsDatabase } from '../../projections/reservations-database.js';
import { ListPromotions } from './list-promotions.query.js';
import type { Promotions } from './list-promotions.view.js';

/**
 * The messaging context's outbox, as far as this screen reads it (a mail's status by its
 * dedupe key). Messaging's index offers no reader of it yet: the columns are named here.
 */
type OutboxStatus = Record<typeof OUTBOX_TABLE, { dedupe_key: string | null; status: 'pending' | 'sent' | 'failed' | 'held'; sent_at: Date | null }>;

/**
 * Read from the day's stream (who was promoted, when, by whom: an agent, or a cancellation),
 * and the outbox for each family's e-mail (the notification is keyed by the event's id).
 */
@QueryHandler(ListPromotions)
export class ListPromotionsHandler implements IQueryHandler<ListPromotions> {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<ReservationsDatabase>,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CatalogueReader) private readonly catalogue: CatalogueReader,
    @Inject(FamilyChildrenReader) private readonly children: FamilyChildrenReader,
  ) {}

  async execute({ serviceCode, date }: ListPromotions): Promise<Promotions> {
    await this.catalogue.service(serviceCode);
    const promotions: { eventId: string; at: string; byRole: string; data: ReservationPromoted['data'] }[] = [];
    for await (const event of this.store.readStream(serviceDayStream(serviceCode, date))) {
      if (event.type !== 'ReservationPromoted') continue;
      const metadata = event.metadata as { occurredAt: string; actor: { role: string } };
      promotions.push({ eventId: event.id, at: metadata.occurredAt, byRole: metadata.actor.role, data: event.data as ReservationPromoted['data'] });
    }
    const mails = promotions.length
      ? await this.db
          .withTables<OutboxStatus>()
          .selectFrom(OUTBOX_TABLE)
          .select(['dedupe_key', 'status', 'sent_at'])
          .where(
            'dedupe_key',
            'in',
            promotions.map((p) => p.eventId),
          )
          .execute()
      : [];
    const mailOf = new Map(mails.map((m) => [m.dedupe_key, m]));
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
          promotedBy: p.byRole,
          mail: mail ? { status: mail.status, sentAt: mail.sent_at ? new Date(mail.sent_at).toISOString() : null } : null,
        };
      }),
    };
  }
}
