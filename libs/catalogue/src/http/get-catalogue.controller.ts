import { Controller, Get, Inject, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '#ardoise/identity';
import type { TownCalendar } from '../domain/town-calendar.js';
import { GetCalendar } from '../queries/get-calendar/get-calendar.query.js';
import { GetService } from '../queries/get-service/get-service.query.js';
import type { ServiceDetailView } from '../queries/get-service/get-service.view.js';

/** The règlement and the calendar are public: parents read them before booking. */
@Public()
@ApiTags('catalogue')
@Controller('catalogue')
export class GetCatalogueController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get('calendar')
  @ApiOperation({ summary: 'Le calendrier de la commune (années scolaires, vacances, jours fériés, fermetures)' })
  calendar(): Promise<TownCalendar> {
    return this.queries.execute(new GetCalendar());
  }

  @Get('services/:code')
  @ApiOperation({ summary: 'Une prestation avec son règlement de réservation et ses ouvertures' })
  service(@Param('code') code: string): Promise<ServiceDetailView> {
    return this.queries.execute(new GetService(code));
  }
}
