import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { weekdayOf } from '#ardoise/kernel';
import { assertCanReadFamily, assertCanWriteFamily } from '#ardoise/identity';
import { RemoveFromBasket } from '../commands/remove-from-basket/remove-from-basket.command.js';
import { RequestReservations, type RequestedSlot } from '../commands/request-reservations/request-reservations.command.js';
import { AgendaRequest, RequestLinesRequest, TypicalWeekRequest } from '../commands/request-reservations/request-reservations.request.js';
import { ValidateBasket } from '../commands/validate-basket/validate-basket.command.js';
import { ValidateBasketRequest } from '../commands/validate-basket/validate-basket.request.js';
import { GetBasket } from '../queries/get-basket/get-basket.query.js';
import { checkedRange } from './date-range.js';

/** The family's basket ("Mon panier"): days requested, then validated in one go. */
@ApiTags('réservations')
@Controller('families/:familyId/basket')
export class BasketController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Le panier : les demandes en cours de tous les enfants' })
  basket(@Param('familyId', ParseUUIDPipe) familyId: string) {
    assertCanReadFamily(familyId);
    return this.queries.execute(new GetBasket(familyId));
  }

  @Post('lines')
  @ApiOperation({ summary: 'Ajouter des jours au panier (vue Période)' })
  request(@Param('familyId', ParseUUIDPipe) familyId: string, @Body() body: RequestLinesRequest) {
    assertCanWriteFamily(familyId);
    return this.commands.execute(new RequestReservations(familyId, body.lines, false));
  }

  @Post('agenda')
  @ApiOperation({ summary: 'Vue Agenda : une prestation, du … au …, certains jours de la semaine' })
  agenda(@Param('familyId', ParseUUIDPipe) familyId: string, @Body() body: AgendaRequest) {
    assertCanWriteFamily(familyId);
    const slots: RequestedSlot[] = checkedRange(body.from, body.to)
      .filter((date) => body.weekdays.includes(weekdayOf(date)))
      .map((date) => ({ childId: body.childId, serviceCode: body.serviceCode, date }));
    return this.commands.execute(new RequestReservations(familyId, slots, true));
  }

  @Post('typical-week')
  @ApiOperation({ summary: 'Appliquer une semaine type à une période' })
  typicalWeek(@Param('familyId', ParseUUIDPipe) familyId: string, @Body() body: TypicalWeekRequest) {
    assertCanWriteFamily(familyId);
    const slots: RequestedSlot[] = checkedRange(body.from, body.to).flatMap((date) =>
      body.days
        .filter((d) => d.weekday === weekdayOf(date))
        .flatMap((d) => d.serviceCodes.map((serviceCode) => ({ childId: body.childId, serviceCode, date }))),
    );
    return this.commands.execute(new RequestReservations(familyId, slots, true));
  }

  @Delete('lines/:reservationId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Retirer une demande du panier' })
  async remove(@Param('familyId', ParseUUIDPipe) familyId: string, @Param('reservationId', ParseUUIDPipe) reservationId: string) {
    assertCanWriteFamily(familyId);
    await this.commands.execute(new RemoveFromBasket(familyId, reservationId));
  }

  @Post('validation')
  @HttpCode(200)
  @ApiOperation({ summary: 'Valider le panier : un résultat par ligne (validée, liste d’attente, refusée et pourquoi)' })
  validate(@Param('familyId', ParseUUIDPipe) familyId: string, @Body() body: ValidateBasketRequest) {
    assertCanWriteFamily(familyId);
    return this.commands.execute(
      new ValidateBasket(familyId, body.overrideReason ? { reason: body.overrideReason, lateSurcharge: body.lateSurcharge ?? false } : null),
    );
  }
}
