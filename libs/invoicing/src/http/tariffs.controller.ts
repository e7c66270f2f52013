import { Body, Controller, Get, HttpCode, Inject, Param, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ValidationError } from '#ardoise/kernel';
import { Roles } from '#ardoise/identity';
import { SetServiceTariff } from '../commands/set-service-tariff/set-service-tariff.command.js';
import { SetTariffRequest } from '../commands/set-service-tariff/set-service-tariff.request.js';
import { ListTariffs } from '../queries/list-tariffs/list-tariffs.query.js';

@ApiTags('Facturation')
@Controller('tariffs')
export class TariffsController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Grilles tarifaires par prestation et par tranche de quotient familial, toutes versions' })
  async list() {
    return { tariffs: await this.queries.execute(new ListTariffs()) };
  }

  @Put(':serviceCode')
  @HttpCode(200)
  @Roles('finance', 'admin')
  @ApiOperation({ summary: 'Nouvelle grille tarifaire d’une prestation, à une date d’effet (les factures gardent la grille appliquée)' })
  async set(@Param('serviceCode') serviceCode: string, @Body() body: SetTariffRequest) {
    if (!/^[A-Z0-9_-]{1,20}$/.test(serviceCode)) throw new ValidationError([{ field: 'serviceCode', messages: ['Code de prestation invalide.'] }]);
    const brackets = body.brackets.map((b) => ({ ...b, qfTo: b.qfTo ?? null }));
    return this.commands.execute(new SetServiceTariff({ ...body, brackets, serviceCode }));
  }
}
