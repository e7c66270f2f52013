import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { FollowedStreams, type StreamFold } from '#ardoise/commands';
import { DATABASE } from '#ardoise/database';
import { EVENT_STORE, type EventStore } from '#ardoise/event-store';
import { CALENDAR_STREAM, serviceStream } from '../domain/catalogue-events.js';
import { calendarDecider } from '../domain/calendar.decider.js';
import { serviceDecider, serviceNotFound, type ServiceConfig } from '../domain/service.decider.js';
import type { TownCalendar } from '../domain/town-calendar.js';
import type { CatalogueDatabase } from '../projections/catalogue-database.js';
import { SERVICES_TABLE } from '../projections/services.projector.js';

/**
 * The catalogue as other contexts decide with it. Services and the calendar are folded
 * from their event streams, not read from read models (which lag): a booking decision must
 * never use a règlement older than the one the agent just saved, in this process or another.
 * They are kept in memory and caught up on every call (FollowedStreams: one small read,
 * shared by the requests waiting at the same moment), so an opening rush does not re-read
 * the whole calendar for every request, and a change saved anywhere is seen by every
 * request that arrives after it was saved. The states handed out are never mutated (both
 * deciders return new states), so callers may keep them for the length of a request.
 */
@Injectable()
export class CatalogueReader {
  private readonly services_: FollowedStreams<ReturnType<typeof serviceDecider.initialState>>;
  private readonly calendar_: FollowedStreams<TownCalendar>;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(DATABASE) private readonly db: Kysely<CatalogueDatabase>,
  ) {
    this.services_ = new FollowedStreams(store, serviceDecider as StreamFold<ReturnType<typeof serviceDecider.initialState>>, 500);
    this.calendar_ = new FollowedStreams(store, calendarDecider as StreamFold<TownCalendar>, 1);
  }

  async service(code: string): Promise<ServiceConfig> {
    const service = await this.findService(code);
    if (!service) throw serviceNotFound();
    return service;
  }

  async findService(code: string): Promise<ServiceConfig | undefined> {
    const { state } = await this.services_.current(serviceStream(code));
    return state.defined ? state.service : undefined;
  }

  /** Every prestation (the list of codes comes from the read model; each is then read from its stream). */
  async services(): Promise<ServiceConfig[]> {
    const rows = await this.db.selectFrom(SERVICES_TABLE).select('code').orderBy('code').execute();
    const services = await Promise.all(rows.map((row) => this.findService(row.code)));
    return services.filter((s): s is ServiceConfig => s !== undefined);
  }

  async calendar(): Promise<TownCalendar> {
    return (await this.calendar_.current(CALENDAR_STREAM)).state;
  }
}
