import { Body, Controller, Get, HttpCode, Inject, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ValidationError } from '#ardoise/kernel';
import { Roles } from '#ardoise/identity';
import { TariffsService } from './tariffs.service.js';
import { SetTariffRequest } from './set-tariff.request.js';

@ApiTags('Facturation')
@Controller('tariffs')
export class TariffsController {
  constructor(@Inject(TariffsService) private readonly tariffs: TariffsService) {}

  @Get()
  @ApiOperation({ summary: 'Grilles tarifaires par prestation et par tranche de quotient familial, toutes versions' })
  async list() {
    return { tariffs: (await this.tariffs.book()).all() };
  }

  @Put(':serviceCode')
  @HttpCode(200)
  @Roles('finance', 'admin')
  @ApiOperation({ summary: 'Nouvelle grille tarifaire d’une prestation, à une date d’effet (les factures gardent la grille appliquée)' })
  async set(@Param('serviceCode') serviceCode: string, @Body() body: SetTariffRequest) {
    if (!/^[A-Z0-9_-]{1,20}$/.test(serviceCode)) throw new ValidationError([{ field: 'serviceCode', messages: ['Code de prestation invalide.'] }]);
    const brackets = body.brackets.map((b) => ({ ...b, qfTo: b.qfTo ?? null }));
    return this.tariffs.set({ ...body, brackets, serviceCode });
  }
}
