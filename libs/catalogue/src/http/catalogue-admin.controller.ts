import { Body, Controller, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { Roles } from '#ardoise/identity';
import { ValidationError } from '#ardoise/kernel';
import { ChangeCapacity } from '../commands/change-capacity/change-capacity.command.js';
import { ChangeCapacityRequest } from '../commands/change-capacity/change-capacity.request.js';
import { DeclareClosure } from '../commands/declare-closure/declare-closure.command.js';
import { DeclareClosureRequest } from '../commands/declare-closure/declare-closure.request.js';
import { DefineSchoolYear } from '../commands/define-school-year/define-school-year.command.js';
import { DefineSchoolYearRequest } from '../commands/define-school-year/define-school-year.request.js';
import { DefineService } from '../commands/define-service/define-service.command.js';
import { DefineServiceRequest } from '../commands/define-service/define-service.request.js';
import { ScheduleOpening } from '../commands/schedule-opening/schedule-opening.command.js';
import { ScheduleOpeningRequest } from '../commands/schedule-opening/schedule-opening.request.js';
import { SetBookingRules } from '../commands/set-booking-rules/set-booking-rules.command.js';
import { SetBookingRulesRequest } from '../commands/set-booking-rules/set-booking-rules.request.js';
import { SetSessionStart } from '../commands/set-session-start/set-session-start.command.js';
import { SetSessionStartRequest } from '../commands/set-session-start/set-session-start.request.js';

const SCHOOL_YEAR = /^\d{4}-\d{4}$/;

/** The town's staff configure the prestations, their règlement and the calendar. */
@ApiTags('catalogue')
@Roles('agent', 'admin')
@Controller('catalogue')
export class CatalogueAdminController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post('services')
  @ApiOperation({ summary: 'Créer une prestation' })
  defineService(@Body() body: DefineServiceRequest): Promise<{ code: string }> {
    return this.commands.execute(new DefineService({ ...body, dailyCapacity: body.dailyCapacity ?? null }));
  }

  @Put('services/:code/booking-rules')
  @HttpCode(204)
  @ApiOperation({ summary: 'Fixer le règlement de réservation et d’annulation d’une prestation' })
  async setBookingRules(@Param('code') code: string, @Body() body: SetBookingRulesRequest): Promise<void> {
    await this.commands.execute(new SetBookingRules(code, { code, ...body }));
  }

  @Put('services/:code/capacity')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Changer le nombre de places par jour (après une hausse, proposer les places aux enfants en attente : POST /service-days/:code/promotions)',
  })
  async changeCapacity(@Param('code') code: string, @Body() body: ChangeCapacityRequest): Promise<void> {
    await this.commands.execute(new ChangeCapacity(code, body.dailyCapacity));
  }

  @Put('services/:code/session-start')
  @HttpCode(204)
  @ApiOperation({ summary: 'Fixer l’heure de début des séances (base des règles « n heures avant le début de la séance »)' })
  async setSessionStart(@Param('code') code: string, @Body() body: SetSessionStartRequest): Promise<void> {
    await this.commands.execute(new SetSessionStart(code, body.startTime));
  }

  @Post('services/:code/openings')
  @ApiOperation({ summary: 'Programmer l’ouverture des réservations d’une période de vacances' })
  async scheduleOpening(@Param('code') code: string, @Body() body: ScheduleOpeningRequest): Promise<{ openingId: string }> {
    const opening = {
      openingId: randomUUID(),
      code,
      label: body.label,
      from: body.from,
      to: body.to,
      opensAt: new Date(body.opensAt).toISOString(),
      mode: body.mode,
      requestsCloseAt: body.requestsCloseAt ? new Date(body.requestsCloseAt).toISOString() : null,
      priorities: body.priorities ?? [],
      lotterySeed: body.mode === 'allocation' ? (body.lotterySeed ?? randomUUID()) : null,
    };
    await this.commands.execute(new ScheduleOpening(opening));
    return { openingId: opening.openingId };
  }

  @Put('calendar/school-years/:label')
  @HttpCode(204)
  @ApiOperation({ summary: 'Définir une année scolaire (vacances par zone, jours fériés)' })
  async defineSchoolYear(@Param('label') label: string, @Body() body: DefineSchoolYearRequest): Promise<void> {
    if (!SCHOOL_YEAR.test(label)) throw new ValidationError([{ field: 'label', messages: ['Année attendue sous la forme 2026-2027.'] }]);
    await this.commands.execute(new DefineSchoolYear({ label, ...body }));
  }

  @Post('calendar/closures')
  @HttpCode(204)
  @ApiOperation({ summary: 'Déclarer une fermeture (grève, travaux…)' })
  async declareClosure(@Body() body: DeclareClosureRequest): Promise<void> {
    await this.commands.execute(new DeclareClosure({ date: body.date, serviceCodes: body.serviceCodes ?? null, reason: body.reason }));
  }
}
