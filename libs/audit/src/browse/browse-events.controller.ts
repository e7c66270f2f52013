import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { currentContext } from '#ardoise/commands';
import { Roles } from '#ardoise/identity';
import { ReadsFrom } from '#ardoise/projections';
import type { AuditedEvent } from '../audited-event.js';
import { EventBrowser, type EventPage } from './event-browser.js';
import { EventLookup, type CausationChain } from './event-lookup.js';
import { BrowseEventsRequest, criteriaOf } from './browse-events.request.js';

/** The event log, read-only, for the town's auditors and administrators. */
@ApiTags('audit')
@Roles('auditor', 'admin')
// Reads the event log itself (or its own jobs): never waits for a read model.
@ReadsFrom()
@Controller('audit')
export class BrowseEventsController {
  constructor(
    @Inject(EventBrowser) private readonly browser: EventBrowser,
    @Inject(EventLookup) private readonly lookup: EventLookup,
  ) {}

  @Get('events')
  @ApiOperation({ summary: 'Parcourir tous les événements ($all), filtrés par catégorie, type, auteur, corrélation, période' })
  all(@Query() query: BrowseEventsRequest): Promise<EventPage> {
    return this.browser.pageAll({
      reader: currentContext().actor,
      criteria: criteriaOf(query),
      after: query.after,
      direction: query.direction,
      limit: query.limit,
    });
  }

  @Get('streams/:streamId/events')
  @ApiOperation({ summary: "Parcourir les événements d'un flux, dans l'ordre des révisions" })
  stream(@Param('streamId') streamId: string, @Query() query: BrowseEventsRequest): Promise<EventPage> {
    return this.browser.pageStream(streamId, {
      reader: currentContext().actor,
      criteria: criteriaOf(query),
      after: query.after,
      direction: query.direction,
      limit: query.limit,
    });
  }

  @Get('events/:eventId')
  @ApiOperation({ summary: 'Un événement par son identifiant (lien profond depuis les finances, etc.)' })
  one(@Param('eventId') eventId: string): Promise<AuditedEvent> {
    return this.lookup.byId(eventId, currentContext().actor);
  }

  @Get('events/:eventId/causation')
  @ApiOperation({ summary: "La chaîne de causalité d'un événement : la requête, les événements qu'elle a produits et les réactions qu'ils ont déclenchées" })
  causation(@Param('eventId') eventId: string): Promise<CausationChain> {
    return this.lookup.causation(eventId, currentContext().actor);
  }
}
