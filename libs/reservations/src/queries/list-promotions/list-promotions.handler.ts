import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CatalogueReader } from '#ardoise/catalogue';
import { EVENT_STORE, type EventStore } from '#ardoise/event-store';
import { FamilyChildrenReader } from '#ardoise/families';
import { OutboxReader } from '#ardoise/messaging';
import { serviceDayStream, type ReservationPromoted } from '../../domain/reservation-events.js';
import { ListPromotions } from './list-promotions.query.js';
import type { Promotions } from './list-promotions.view.js';

/**
 * Read from the day's stream (who was promoted, when, by whom: an agent, or a cancellation),
 * and messaging's outbox for each family's e-mail (the notification caused by the event).
 */
@QueryHandler(ListPromotions)
export class ListPromotionsHandler implements IQueryHandler<ListPromotions> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CatalogueReader) private readonly catalogue: CatalogueReader,
    @Inject(FamilyChildrenReader) private readonly children: FamilyChildrenReader,
    @Inject(OutboxReader) private readonly outbox: OutboxReader,
  ) {}

  async execute({ serviceCode, date }: ListPromotions): Promise<Promotions> {
    await this.catalogue.service(serviceCode);
    const promotions: { eventId: string; at: string; byRole: string; data: ReservationPromoted['data'] }[] = [];
    for await (const event of this.store.readStream(serviceDayStream(serviceCode, date))) {
      if (event.type !== 'ReservationPromoted') continue;
      const metadata = event.metadata as { occurredAt: string; actor: { role: string } };
      promotions.push({ eventId: event.id, at: metadata.occurredAt, byRole: metadata.actor.role, data: event.data as ReservationPromoted['data'] });
    }
    const mails = await this.outbox.mailsCausedBy(promotions.map((p) => p.eventId));
    const cards = await this.children.find(promotions.map((p) => p.data.childId));
    return {
      serviceCode,
      date,
      promotions: promotions.map((p) => {
        const mail = mails.get(p.eventId);
        return {
          reservationId: p.data.reservationId,
          childId: p.data.childId,
          familyId: p.data.familyId,
          firstName: cards.get(p.data.childId)?.firstName ?? null,
          lastName: cards.get(p.data.childId)?.lastName ?? null,
          promotedAt: p.at,
          promotedBy: p.byRole,
          mail: mail ? { status: mail.status, sentAt: mail.sentAt ? new Date(mail.sentAt).toISOString() : null } : null,
        };
      }),
    };
  }
}
