import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CatalogueReader, dayStatus } from '#ardoise/catalogue';
import { EVENT_STORE, type EventStore } from '#ardoise/event-store';
import { FamilyChildrenReader } from '#ardoise/families';
import { NotFoundError, eachDay } from '#ardoise/kernel';
import { lotteryDraw, rankFamilies, type AllocationCandidate } from '../../domain/allocation.js';
import { serviceDayStream, type ReservationSubmitted } from '../../domain/reservation-events.js';
import { GetAllocationResult } from './get-allocation-result.query.js';
import type { AllocationResult } from './get-allocation-result.view.js';

type Outcome = 'validated' | 'waitlisted' | 'pending';

/**
 * The result of a holiday opening's allocation, as the town can explain it to a family: the
 * order of families (priorities met, then the published draw) and, per child and day, what
 * the run gave. Read from the service days' own streams, and the order recomputed from the
 * same requests, priorities and seed the run used: the same answer every time it is asked.
 */
@QueryHandler(GetAllocationResult)
export class GetAllocationResultHandler implements IQueryHandler<GetAllocationResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CatalogueReader) private readonly catalogue: CatalogueReader,
    @Inject(FamilyChildrenReader) private readonly children: FamilyChildrenReader,
  ) {}

  async execute({ serviceCode, openingId }: GetAllocationResult): Promise<AllocationResult> {
    const service = await this.catalogue.service(serviceCode);
    const opening = service.openings.find((o) => o.openingId === openingId);
    if (!opening) throw new NotFoundError('OPENING.NOT_FOUND', 'Ouverture introuvable.');
    const calendar = await this.catalogue.calendar();
    const dates = eachDay(opening.from, opening.to).filter((d) => dayStatus(calendar, service, d).open);

    const requests: (ReservationSubmitted['data'] & { outcome: Outcome })[] = [];
    let allocatedDays = 0;
    for (const date of dates) {
      const onDay = new Map<string, ReservationSubmitted['data'] & { outcome: Outcome }>();
      let allocated = false;
      for await (const event of this.store.readStream(serviceDayStream(service.code, date))) {
        const data = event.data as ReservationSubmitted['data'];
        if (event.type === 'ReservationSubmitted' && data.openingId === openingId) onDay.set(data.reservationId, { ...data, outcome: 'pending' });
        // The allocation's own decision for each request (later cancellations and promotions are other facts).
        if (!allocated && (event.type === 'ReservationValidated' || event.type === 'ReservationWaitlisted')) {
          const request = onDay.get(data.reservationId);
          if (request) request.outcome = event.type === 'ReservationValidated' ? 'validated' : 'waitlisted';
        }
        if (event.type === 'AllocationCompleted') allocated = true;
      }
      if (allocated) allocatedDays++;
      requests.push(...onDay.values());
    }

    const perFamily = new Map<string, Map<string, number>>();
    for (const r of requests) {
      const children = perFamily.get(r.familyId) ?? new Map<string, number>();
      children.set(r.childId, (children.get(r.childId) ?? 0) + 1);
      perFamily.set(r.familyId, children);
    }
    const candidates: AllocationCandidate[] = [...perFamily].map(([familyId, children]) => ({
      familyId,
      children: children.size,
      daysRequested: Math.max(...children.values()),
    }));
    const seed = opening.lotterySeed ?? opening.openingId;
    const order = rankFamilies(candidates, opening.priorities, seed, dates.length);
    const cards = await this.children.find([...new Set(requests.map((r) => r.childId))]);

    return {
      openingId,
      serviceCode: service.code,
      label: opening.label,
      from: opening.from,
      to: opening.to,
      mode: opening.mode,
      opensAt: opening.opensAt,
      requestsCloseAt: opening.requestsCloseAt,
      priorities: opening.priorities,
      lotterySeed: opening.lotterySeed,
      capacity: service.dailyCapacity,
      days: dates.length,
      allocatedDays,
      totals: {
        requested: requests.length,
        validated: requests.filter((r) => r.outcome === 'validated').length,
        waitlisted: requests.filter((r) => r.outcome === 'waitlisted').length,
      },
      families: order.map((familyId, index) => {
        const candidate = candidates.find((c) => c.familyId === familyId)!;
        const mine = requests.filter((r) => r.familyId === familyId);
        return {
          rank: index + 1,
          familyId,
          fullPeriod: opening.priorities.includes('full_period') && candidate.daysRequested >= dates.length,
          siblings: opening.priorities.includes('siblings') && candidate.children > 1,
          draw: lotteryDraw(seed, familyId).slice(0, 8),
          children: [...new Set(mine.map((r) => r.childId))].map((childId) => ({
            childId,
            firstName: cards.get(childId)?.firstName ?? null,
            lastName: cards.get(childId)?.lastName ?? null,
            validated: mine
              .filter((r) => r.childId === childId && r.outcome === 'validated')
              .map((r) => r.date)
              .sort(),
            waitlisted: mine
              .filter((r) => r.childId === childId && r.outcome === 'waitlisted')
              .map((r) => r.date)
              .sort(),
            pending: mine
              .filter((r) => r.childId === childId && r.outcome === 'pending')
              .map((r) => r.date)
              .sort(),
          })),
        };
      }),
    };
  }
}
