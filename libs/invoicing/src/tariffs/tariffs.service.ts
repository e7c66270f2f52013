import { Inject, Injectable } from '@nestjs/common';
import { AggregateRepository, currentContext } from '#ardoise/commands';
import { EVENT_STORE, type EventStore } from '#ardoise/event-store';
import { TariffBook, type Tariff } from '../domain/tariff.js';
import { TARIFF_SET, tariffDecider, tariffStream, type SetTariff } from '../domain/tariff.decider.js';

/** The town's price grids: set as events, read straight from the log (a few dozen events). */
@Injectable()
export class TariffsService {
  constructor(
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** `unlessDecided` (the demo seed): leave a service that already has a grid as it is. */
  async set(tariff: SetTariff['tariff'], options: { unlessDecided?: boolean } = {}): Promise<Tariff> {
    const command: SetTariff = { type: 'SetTariff', tariff, ...options };
    const result = await this.repository.handle(tariffStream(tariff.serviceCode), tariffDecider, command, currentContext(), {
      retriesOnConflict: 3,
    });
    return result.state.versions.at(-1)!;
  }

  async book(): Promise<TariffBook> {
    const tariffs: Tariff[] = [];
    for await (const event of this.store.readAll({ filter: { eventTypes: [TARIFF_SET] } })) tariffs.push(event.data as Tariff);
    return new TariffBook(tariffs);
  }
}
