import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '#ardoise/event-store';
import { TariffBook, type Tariff } from '../domain/tariff.js';
import { TARIFF_SET } from '../domain/tariff.decider.js';

/** The town's price grids, read straight from the log (a few dozen events): what billing prices with. */
@Injectable()
export class TariffBookReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async book(): Promise<TariffBook> {
    const tariffs: Tariff[] = [];
    for await (const event of this.store.readAll({ filter: { eventTypes: [TARIFF_SET] } })) tariffs.push(event.data as Tariff);
    return new TariffBook(tariffs);
  }
}
