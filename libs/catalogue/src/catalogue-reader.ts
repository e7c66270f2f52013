import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { AggregateRepository } from '#ardoise/commands';
import { DATABASE } from '#ardoise/database';
import { CALENDAR_STREAM, serviceStream } from './domain/catalogue-events.js';
import { calendarDecider } from './domain/calendar.decider.js';
import { serviceDecider, serviceNotFound, type ServiceConfig } from './domain/service.decider.js';
import type { TownCalendar } from './domain/town-calendar.js';
import { SERVICES_TABLE } from './projections/services.projector.js';

/**
 * The catalogue as other contexts decide with it. Services and the calendar are read from
 * their event streams (a few events each), not from read models: a booking decision must
 * never use a règlement older than the one the agent just saved.
 */
@Injectable()
export class CatalogueReader {
  constructor(
    @Inject(AggregateRepository) private readonly repository: AggregateRepository,
    @Inject(DATABASE) private readonly db: Kysely<any>,
  ) {}

  async service(code: string): Promise<ServiceConfig> {
    const { state } = await this.repository.load(serviceStream(code), serviceDecider);
    if (!state.defined) throw serviceNotFound();
    return state.service;
  }

  async findService(code: string): Promise<ServiceConfig | undefined> {
    const { state } = await this.repository.load(serviceStream(code), serviceDecider);
    return state.defined ? state.service : undefined;
  }

  /** Every prestation (the list of codes comes from the read model; each is then read from its stream). */
  async services(): Promise<ServiceConfig[]> {
    const rows = await this.db.selectFrom(SERVICES_TABLE).select('code').orderBy('code').execute();
    const services = await Promise.all(rows.map((row) => this.findService(row.code as string)));
    return services.filter((s): s is ServiceConfig => s !== undefined);
  }

  async calendar(): Promise<TownCalendar> {
    return (await this.repository.load(CALENDAR_STREAM, calendarDecider)).state;
  }
}
