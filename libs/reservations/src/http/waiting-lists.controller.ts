import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#ardoise/identity';
import { PromoteAfterCapacityRaise } from '../commands/promote-after-capacity-raise/promote-after-capacity-raise.command.js';
import { PromoteRangeRequest } from '../commands/promote-after-capacity-raise/promote-after-capacity-raise.request.js';
import { PromoteFromWaitingList } from '../commands/promote-from-waiting-list/promote-from-waiting-list.command.js';
import { PromoteDayRequest } from '../commands/promote-from-waiting-list/promote-from-waiting-list.request.js';
import { GetAllocationResult } from '../queries/get-allocation-result/get-allocation-result.query.js';
import { ListPromotions } from '../queries/list-promotions/list-promotions.query.js';
import { ListWaitingDays } from '../queries/list-waiting-days/list-waiting-days.query.js';
import { WaitingDaysQuery } from '../queries/list-waiting-days/list-waiting-days.request.js';
import { dateParam } from './date-param.js';
import { checkedRange } from './date-range.js';

/** Waiting lists for the town's agents: the days with children waiting, promotions, and who was told. */
@ApiTags('réservations (agents)')
@Controller('service-days/:serviceCode')
export class WaitingListsController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Get('openings/:openingId/allocation')
  @Roles('agent', 'admin', 'auditor')
  @ApiOperation({ summary: 'Résultat de l’attribution d’une ouverture : ordre des familles (priorités, tirage) et jours obtenus par enfant' })
  allocation(@Param('serviceCode') serviceCode: string, @Param('openingId', ParseUUIDPipe) openingId: string) {
    return this.queries.execute(new GetAllocationResult(serviceCode, openingId));
  }

  @Get('waiting-days')
  @Roles('agent', 'admin', 'auditor')
  @ApiOperation({ summary: 'Les jours avec des enfants en liste d’attente, et les places libres de chacun' })
  days(@Param('serviceCode') serviceCode: string, @Query() query: WaitingDaysQuery) {
    checkedRange(query.from, query.to);
    return this.queries.execute(new ListWaitingDays(serviceCode, query.from, query.to));
  }

  @Post('promotions')
  @HttpCode(200)
  @Roles('agent', 'admin')
  @ApiOperation({ summary: 'Après une hausse de capacité : donner les places libres aux premiers en attente, jour par jour (e-mail à chacun)' })
  promoteRange(@Param('serviceCode') serviceCode: string, @Body() body: PromoteRangeRequest) {
    checkedRange(body.from, body.to);
    return this.commands.execute(new PromoteAfterCapacityRaise(serviceCode, body.from, body.to));
  }

  @Post(':date/promotions')
  @HttpCode(200)
  @Roles('agent', 'admin')
  @ApiOperation({ summary: 'Donner une place libre du jour à un enfant en attente (ou aux premiers de la liste) ; la famille reçoit un e-mail' })
  promoteDay(@Param('serviceCode') serviceCode: string, @Param('date') date: string, @Body() body: PromoteDayRequest) {
    return this.commands.execute(new PromoteFromWaitingList(serviceCode, dateParam(date), body.reservationId ?? null));
  }

  @Get(':date/promotions')
  @Roles('agent', 'admin', 'auditor')
  @ApiOperation({ summary: 'Les enfants passés de la liste d’attente à une place ce jour-là, et l’état de leur e-mail' })
  promotions(@Param('serviceCode') serviceCode: string, @Param('date') date: string) {
    return this.queries.execute(new ListPromotions(serviceCode, dateParam(date)));
  }
}
