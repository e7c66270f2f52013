import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '#ardoise/identity';
import { CatalogueReader } from '../../catalogue-reader.js';
import { describeDeadlineRule } from '../../domain/deadline-rule.js';
import type { ServiceConfig } from '../../domain/service.decider.js';
import type { TownCalendar } from '../../domain/town-calendar.js';

/** The règlement and the calendar are public: parents read them before booking. */
@Public()
@ApiTags('catalogue')
@Controller('catalogue')
export class GetCatalogueController {
  constructor(@Inject(CatalogueReader) private readonly catalogue: CatalogueReader) {}

  @Get('calendar')
  @ApiOperation({ summary: 'Le calendrier de la commune (années scolaires, vacances, jours fériés, fermetures)' })
  calendar(): Promise<TownCalendar> {
    return this.catalogue.calendar();
  }

  @Get('services/:code')
  @ApiOperation({ summary: 'Une prestation avec son règlement de réservation et ses ouvertures' })
  async service(@Param('code') code: string): Promise<ServiceConfig & { bookingText: string | null; cancellationText: string | null }> {
    const service = await this.catalogue.service(code);
    return {
      ...service,
      bookingText: service.booking ? describeDeadlineRule(service.booking) : null,
      cancellationText: service.cancellation ? describeDeadlineRule(service.cancellation) : null,
    };
  }
}
