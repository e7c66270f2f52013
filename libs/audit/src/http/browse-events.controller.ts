import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { currentContext } from '#ardoise/commands';
import { Roles } from '#ardoise/identity';
import { ReadsFrom } from '#ardoise/projections';
import type { AuditedEvent } from '../audited-event.js';
import type { EventPage, PageRequest } from '../browse/event-browser.js';
import type { CausationChain } from '../browse/event-lookup.js';
import { BrowseEvents } from '../queries/browse-events/browse-events.query.js';
import { BrowseEventsRequest, criteriaOf } from '../queries/browse-events/browse-events.request.js';
import { FindEvent } from '../queries/find-event/find-event.query.js';
import { TraceCausation } from '../queries/trace-causation/trace-causation.query.js';

/** The event log, read-only, for the town's auditors and administrators. */
@ApiTags('audit')
@Roles('auditor', 'admin')
// Reads the event log itself (or its own jobs): never waits for a read model.
@ReadsFrom()
@Controller('audit')
export class BrowseEventsController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get('events')
  @ApiOperation({ summary: 'Parcourir tous les événements ($all), filtrés par catégorie, type, auteur, corrélation, période' })
  all(@Query() query: BrowseEventsRequest): Promise<EventPage> {
    return this.queries.execute(new BrowseEvents(pageOf(query)));
  }

  @Get('streams/:streamId/events')
  @ApiOperation({ summary: "Parcourir les événements d'un flux, dans l'ordre des révisions" })
  stream(@Param('streamId') streamId: string, @Query() query: BrowseEventsRequest): Promise<EventPage> {
    return this.queries.execute(new BrowseEvents(pageOf(query), streamId));
  }

  @Get('events/:eventId')
  @ApiOperation({ summary: 'Un événement par son identifiant (lien profond depuis les finances, etc.)' })
  one(@Param('eventId') eventId: string): Promise<AuditedEvent> {
    return this.queries.execute(new FindEvent(eventId, currentContext().actor));
  }

  @Get('events/:eventId/causation')
  @ApiOperation({ summary: "La chaîne de causalité d'un événement : la requête, les événements qu'elle a produits et les réactions qu'ils ont déclenchées" })
  causation(@Param('eventId') eventId: string): Promise<CausationChain> {
    return this.queries.execute(new TraceCausation(eventId, currentContext().actor));
  }
}

function pageOf(query: BrowseEventsRequest): PageRequest {
  return { reader: currentContext().actor, criteria: criteriaOf(query), after: query.after, direction: query.direction, limit: query.limit };
}
