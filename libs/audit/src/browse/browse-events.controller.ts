import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { currentContext } from '#ardoise/commands';
import { Roles } from '#ardoise/identity';
import { EventBrowser, type EventPage } from './event-browser.js';
import { BrowseEventsRequest, criteriaOf } from './browse-events.request.js';

/** The event log, read-only, for the town's auditors and administrators. */
@ApiTags('audit')
@Roles('auditor', 'admin')
@Controller('audit')
export class BrowseEventsController {
  constructor(@Inject(EventBrowser) private readonly browser: EventBrowser) {}

  @Get('events')
  @ApiOperation({ summary: 'Parcourir tous les événements ($all), filtrés par catégorie, type, auteur, corrélation, période' })
  all(@Query() query: BrowseEventsRequest): Promise<EventPage> {
    return this.browser.pageAll({ reader: currentContext().actor, criteria: criteriaOf(query), after: query.after, direction: query.direction, limit: query.limit });
  }

  @Get('streams/:streamId/events')
  @ApiOperation({ summary: "Parcourir les événements d'un flux, dans l'ordre des révisions" })
  stream(@Param('streamId') streamId: string, @Query() query: BrowseEventsRequest): Promise<EventPage> {
    return this.browser.pageStream(streamId, { reader: currentContext().actor, criteria: criteriaOf(query), after: query.after, direction: query.direction, limit: query.limit });
  }
}
