import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { currentContext } from '#ardoise/commands';
import { mayReadHealthData, withoutHealthData } from '#ardoise/families';
import { Roles } from '#ardoise/identity';
import { ValidationError } from '#ardoise/kernel';
import { RecordAttendance } from '../commands/record-attendance/record-attendance.command.js';
import { AttendanceRequest } from '../commands/record-attendance/record-attendance.request.js';
import { RunAllocation } from '../commands/run-allocation/run-allocation.command.js';
import { AllocationRequest } from '../commands/run-allocation/run-allocation.request.js';
import { GetDayList } from '../queries/get-day-list/get-day-list.query.js';
import { GetMealCounts } from '../queries/get-meal-counts/get-meal-counts.query.js';
import { GetOccupancy } from '../queries/get-occupancy/get-occupancy.query.js';
import { GetWaitingList } from '../queries/get-waiting-list/get-waiting-list.query.js';
import { dateParam } from './date-param.js';
import { checkedRange } from './date-range.js';
import { RangeQuery } from './range.request.js';

/** The town's staff: lists per day (with health data), meal counts, occupancy, attendance, allocation. */
@ApiTags('réservations (agents)')
@Controller('service-days')
export class ServiceDaysController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Get('occupancy')
  @Roles('agent', 'admin', 'finance', 'auditor')
  @ApiOperation({ summary: 'Occupation par jour : places, réservées, en liste d’attente' })
  occupancy(@Query() query: RangeQuery) {
    if (!query.serviceCode) throw new ValidationError([{ field: 'serviceCode', messages: ['Ce champ est obligatoire.'] }]);
    checkedRange(query.from, query.to);
    return this.queries.execute(new GetOccupancy(query.serviceCode, query.from, query.to));
  }

  @Get(':serviceCode/:date/meal-counts')
  @Roles('agent', 'admin', 'finance', 'auditor')
  @ApiOperation({ summary: 'Repas à commander au prestataire, par école et par régime' })
  mealCounts(@Param('serviceCode') serviceCode: string, @Param('date') date: string) {
    return this.queries.execute(new GetMealCounts(serviceCode, dateParam(date)));
  }

  @Get(':serviceCode/:date/children')
  @Roles('agent', 'admin', 'finance', 'auditor')
  @ApiOperation({ summary: 'Enfants inscrits ce jour et feuille de présence (allergies et PAI pour les agents seulement)' })
  async children(@Param('serviceCode') serviceCode: string, @Param('date') date: string) {
    const list = await this.queries.execute(new GetDayList(serviceCode, dateParam(date)));
    // Health data (diet, allergies, PAI) is for the staff who serve the children; finance and auditors see the list without it.
    if (mayReadHealthData(currentContext().actor.role)) return list;
    return { ...list, children: list.children.map(withoutHealthData), presentWithoutBooking: list.presentWithoutBooking.map(withoutHealthData) };
  }

  @Get(':serviceCode/:date/waiting-list')
  @Roles('agent', 'admin', 'auditor')
  @ApiOperation({ summary: 'Liste d’attente du jour, dans l’ordre' })
  waitingList(@Param('serviceCode') serviceCode: string, @Param('date') date: string) {
    return this.queries.execute(new GetWaitingList(serviceCode, dateParam(date)));
  }

  @Post(':serviceCode/:date/attendance')
  @HttpCode(204)
  @Roles('agent', 'admin')
  @ApiOperation({ summary: 'Pointer un enfant : présent, absent, excusé, présent sans réservation' })
  async attendance(@Param('serviceCode') serviceCode: string, @Param('date') date: string, @Body() body: AttendanceRequest) {
    await this.commands.execute(new RecordAttendance(serviceCode, dateParam(date), body.childId, body.status, body.markedAt ?? null));
  }

  @Post(':serviceCode/allocations')
  @HttpCode(200)
  @Roles('agent', 'admin')
  @ApiOperation({ summary: 'Attribuer les places après la clôture des demandes (priorités puis tirage au sort)' })
  allocate(@Param('serviceCode') serviceCode: string, @Body() body: AllocationRequest) {
    return this.commands.execute(new RunAllocation(serviceCode, body.openingId));
  }
}
