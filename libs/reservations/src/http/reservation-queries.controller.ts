import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertCanReadFamily, Roles } from '#ardoise/identity';
import { ValidationError, isLocalDate } from '#ardoise/kernel';
import { currentContext } from '#ardoise/commands';
import { mayReadHealthData, withoutHealthData } from '#ardoise/families';
import { ChildDirectory, childOfFamily } from '../children/child-directory.js';
import { RecordAttendance, RunAllocation } from '../commands/reservation-commands.js';
import { PeriodViewReader } from '../queries/period-view.reader.js';
import { StaffViewsReader } from '../queries/staff-views.reader.js';
import { checkedRange } from './date-range.js';
import { AllocationRequest, AttendanceRequest, PeriodQuery, RangeQuery } from './reservations.requests.js';

function dateParam(value: string): string {
  if (!isLocalDate(value)) throw new ValidationError([{ field: 'date', messages: ['Date invalide (format attendu : AAAA-MM-JJ).'] }]);
  return value;
}

/** What a family reads: the period view per child and its history. */
@ApiTags('réservations')
@Controller('families/:familyId')
export class FamilyReservationsController {
  constructor(
    @Inject(PeriodViewReader) private readonly periods: PeriodViewReader,
    @Inject(StaffViewsReader) private readonly views: StaffViewsReader,
    @Inject(ChildDirectory) private readonly children: ChildDirectory,
  ) {}

  @Get('children/:childId/period')
  @ApiOperation({ summary: 'Vue Période : un mois ou une semaine, prestations × jours, état et délai de chaque case' })
  async period(@Param('familyId', ParseUUIDPipe) familyId: string, @Param('childId', ParseUUIDPipe) childId: string, @Query() query: PeriodQuery) {
    assertCanReadFamily(familyId);
    await childOfFamily(this.children, familyId, childId);
    return this.periods.view(familyId, childId, query.view, query.date);
  }

  @Get('reservations')
  @ApiOperation({ summary: 'Historique des réservations de la famille' })
  history(@Param('familyId', ParseUUIDPipe) familyId: string, @Query() query: RangeQuery) {
    assertCanReadFamily(familyId);
    checkedRange(query.from, query.to, 800);
    return this.views.history(familyId, query.from, query.to);
  }
}

/** The town's staff: lists per day (with health data), meal counts, occupancy, attendance, allocation. */
@ApiTags('réservations (agents)')
@Controller('service-days')
export class ServiceDaysController {
  constructor(
    @Inject(StaffViewsReader) private readonly views: StaffViewsReader,
    @Inject(CommandBus) private readonly commands: CommandBus,
  ) {}

  @Get('occupancy')
  @Roles('agent', 'admin', 'finance', 'auditor')
  @ApiOperation({ summary: 'Occupation par jour : places, réservées, en liste d’attente' })
  occupancy(@Query() query: RangeQuery) {
    if (!query.serviceCode) throw new ValidationError([{ field: 'serviceCode', messages: ['Ce champ est obligatoire.'] }]);
    checkedRange(query.from, query.to);
    return this.views.occupancy(query.serviceCode, query.from, query.to);
  }

  @Get(':serviceCode/:date/meal-counts')
  @Roles('agent', 'admin', 'finance', 'auditor')
  @ApiOperation({ summary: 'Repas à commander au prestataire, par école et par régime' })
  mealCounts(@Param('serviceCode') serviceCode: string, @Param('date') date: string) {
    return this.views.mealCounts(serviceCode, dateParam(date));
  }

  @Get(':serviceCode/:date/children')
  @Roles('agent', 'admin', 'finance', 'auditor')
  @ApiOperation({ summary: 'Enfants inscrits ce jour et feuille de présence (allergies et PAI pour les agents seulement)' })
  async children(@Param('serviceCode') serviceCode: string, @Param('date') date: string) {
    const list = await this.views.dayList(serviceCode, dateParam(date));
    // Health data (diet, allergies, PAI) is for the staff who serve the children; finance and auditors see the list without it.
    if (mayReadHealthData(currentContext().actor.role)) return list;
    return { ...list, children: list.children.map(withoutHealthData), presentWithoutBooking: list.presentWithoutBooking.map(withoutHealthData) };
  }

  @Get(':serviceCode/:date/waiting-list')
  @Roles('agent', 'admin', 'auditor')
  @ApiOperation({ summary: 'Liste d’attente du jour, dans l’ordre' })
  waitingList(@Param('serviceCode') serviceCode: string, @Param('date') date: string) {
    return this.views.waitingList(serviceCode, dateParam(date));
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
