import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CatalogueReader, dayStatus } from '#ardoise/catalogue';
import { CLOCK, currentContext, type Clock } from '#ardoise/commands';
import { NotFoundError, RuleViolationError, eachDay } from '#ardoise/kernel';
import { rankFamilies, type AllocationCandidate } from '../../domain/allocation.js';
import { serviceDayStream } from '../../domain/reservation-events.js';
import { ServiceDayWriter } from '../../service-day/service-day-writer.js';
import { RunAllocation } from './run-allocation.command.js';

/**
 * After a request window closes: ranks the families once for the whole period (the
 * town's priorities, then the seeded lottery) and allocates every day in that order.
 * Running it again changes nothing (each day records AllocationCompleted).
 */
@CommandHandler(RunAllocation)
export class RunAllocationHandler implements ICommandHandler<RunAllocation> {
  constructor(
    @Inject(CatalogueReader) private readonly catalogue: CatalogueReader,
    @Inject(ServiceDayWriter) private readonly days: ServiceDayWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: RunAllocation) {
    const service = await this.catalogue.service(command.serviceCode);
    const opening = service.openings.find((o) => o.openingId === command.openingId);
    if (!opening || opening.mode !== 'allocation') throw new NotFoundError('OPENING.NOT_FOUND', 'Ouverture avec attribution introuvable.');
    if (this.clock.now().getTime() < Date.parse(opening.requestsCloseAt!)) {
      throw new RuleViolationError('OPENING.WINDOW_STILL_OPEN', 'Le dépôt des demandes n’est pas encore clos.');
    }
    const calendar = await this.catalogue.calendar();
    const dates = eachDay(opening.from, opening.to).filter((d) => dayStatus(calendar, service, d).open);
    const states = await Promise.all(dates.map((d) => this.days.read(serviceDayStream(service.code, d))));

    const perFamily = new Map<string, Map<string, number>>();
    for (const state of states) {
      for (const id of state.submitted) {
        const entry = state.entries.get(id)!;
        const children = perFamily.get(entry.familyId) ?? new Map<string, number>();
        children.set(entry.childId, (children.get(entry.childId) ?? 0) + 1);
        perFamily.set(entry.familyId, children);
      }
    }
    const candidates: AllocationCandidate[] = [...perFamily].map(([familyId, children]) => ({
      familyId,
      children: children.size,
      daysRequested: Math.max(...children.values()),
    }));
    const order = rankFamilies(candidates, opening.priorities, opening.lotterySeed ?? opening.openingId, dates.length);
    const rank = new Map(order.map((familyId, i) => [familyId, i]));

    let validated = 0;
    let waitlisted = 0;
    for (const [i, date] of dates.entries()) {
      const state = states[i];
      const ranking = [...state.submitted].sort((a, b) => rank.get(state.entries.get(a)!.familyId)! - rank.get(state.entries.get(b)!.familyId)!);
      const { events } = await this.days.execute(
        serviceDayStream(service.code, date),
        { type: 'Allocate', serviceCode: service.code, date, openingId: opening.openingId, capacity: service.dailyCapacity, ranking },
        currentContext(),
      );
      validated += events.filter((e) => e.type === 'ReservationValidated').length;
      waitlisted += events.filter((e) => e.type === 'ReservationWaitlisted').length;
    }
    return { days: dates.length, validated, waitlisted };
  }
}
