import { Global, Inject, Injectable, Module } from '@nestjs/common';
import { FamilyChildrenReader } from '#ardoise/families';
import { addDays, parisDate } from '#ardoise/kernel';
import { FAMILY_AUDIENCE_RESOLVER, type FamilyAudience, type FamilyAudienceResolver } from '#ardoise/messaging';
import { FamilyReservationsReader } from '#ardoise/reservations';

/** A reservation from this many days back on still makes its family a user of the prestation. */
const RECENT_RESERVATION_DAYS = 31;

/**
 * Messaging's family audience, from the readers of the contexts that know it: the schools of
 * the children (families), the prestations they hold a live reservation on, from a month ago
 * on (reservations; days in Europe/Paris).
 */
@Injectable()
export class FamilyAudienceFromReaders implements FamilyAudienceResolver {
  constructor(
    @Inject(FamilyChildrenReader) private readonly children: FamilyChildrenReader,
    @Inject(FamilyReservationsReader) private readonly reservations: FamilyReservationsReader,
  ) {}

  async resolve(familyId: string, now: Date): Promise<FamilyAudience> {
    const since = addDays(parisDate(now), -RECENT_RESERVATION_DAYS);
    const [schools, services] = await Promise.all([this.children.schoolsOf(familyId), this.reservations.servicesUsedSince(familyId, since)]);
    return { schools, services };
  }
}

/**
 * Messaging's FAMILY_AUDIENCE_RESOLVER port. Messaging sits below families and reservations
 * (docs/architecture.md §1), so the port is filled here; global, so that MessagingModule's
 * handlers find it in every process that loads them, the worker included (which loads neither
 * FamiliesModule nor ReservationsModule: the two readers, which hold only the connection, are
 * provided here again).
 */
@Global()
@Module({
  providers: [FamilyChildrenReader, FamilyReservationsReader, { provide: FAMILY_AUDIENCE_RESOLVER, useClass: FamilyAudienceFromReaders }],
  exports: [FAMILY_AUDIENCE_RESOLVER],
})
export class FamilyAudienceModule {}
