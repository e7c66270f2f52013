import { Controller, Get, Inject, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertCanReadFamily } from '#ardoise/identity';
import { GetPeriodView } from '../queries/get-period-view/get-period-view.query.js';
import { PeriodQuery } from '../queries/get-period-view/get-period-view.request.js';
import { ListFamilyReservations } from '../queries/list-family-reservations/list-family-reservations.query.js';
import { checkedRange } from './date-range.js';
import { RangeQuery } from './range.request.js';

/** What a family reads: the period view per child and its history. */
@ApiTags('réservations')
@Controller('families/:familyId')
export class FamilyReservationsController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get('children/:childId/period')
  @ApiOperation({ summary: 'Vue Période : un mois ou une semaine, prestations × jours, état et délai de chaque case' })
  period(@Param('familyId', ParseUUIDPipe) familyId: string, @Param('childId', ParseUUIDPipe) childId: string, @Query() query: PeriodQuery) {
    assertCanReadFamily(familyId);
    return this.queries.execute(new GetPeriodView(familyId, childId, query.view, query.date));
  }

  @Get('reservations')
  @ApiOperation({ summary: 'Historique des réservations de la famille' })
  history(@Param('familyId', ParseUUIDPipe) familyId: string, @Query() query: RangeQuery) {
    assertCanReadFamily(familyId);
    checkedRange(query.from, query.to, 800);
    return this.queries.execute(new ListFamilyReservations(familyId, query.from, query.to));
  }
}
