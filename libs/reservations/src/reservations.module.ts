import { Module } from '@nestjs/common';
import { CatalogueModule } from '#ardoise/catalogue';
import { FamiliesModule } from '#ardoise/families';
import { CancelReservationHandler } from './commands/cancel-reservation/cancel-reservation.handler.js';
import { DeclareAbsenceHandler } from './commands/declare-absence/declare-absence.handler.js';
import { JustifyAbsenceHandler } from './commands/justify-absence/justify-absence.handler.js';
import { PromoteAfterCapacityRaiseHandler } from './commands/promote-after-capacity-raise/promote-after-capacity-raise.handler.js';
import { PromoteFromWaitingListHandler } from './commands/promote-from-waiting-list/promote-from-waiting-list.handler.js';
import { RecordAttendanceHandler } from './commands/record-attendance/record-attendance.handler.js';
import { RemoveFromBasketHandler } from './commands/remove-from-basket/remove-from-basket.handler.js';
import { RequestReservationsHandler } from './commands/request-reservations/request-reservations.handler.js';
import { RunAllocationHandler } from './commands/run-allocation/run-allocation.handler.js';
import { ValidateBasketHandler } from './commands/validate-basket/validate-basket.handler.js';
import { BasketController } from './http/basket.controller.js';
import { FamilyReservationsController } from './http/family-reservations.controller.js';
import { ReservationsController } from './http/reservations.controller.js';
import { ServiceDaysController } from './http/service-days.controller.js';
import { WaitingListsController } from './http/waiting-lists.controller.js';
import { GetAllocationResultHandler } from './queries/get-allocation-result/get-allocation-result.handler.js';
import { GetBasketHandler } from './queries/get-basket/get-basket.handler.js';
import { GetDayListHandler } from './queries/get-day-list/get-day-list.handler.js';
import { GetMealCountsHandler } from './queries/get-meal-counts/get-meal-counts.handler.js';
import { GetOccupancyHandler } from './queries/get-occupancy/get-occupancy.handler.js';
import { GetPeriodViewHandler } from './queries/get-period-view/get-period-view.handler.js';
import { GetWaitingListHandler } from './queries/get-waiting-list/get-waiting-list.handler.js';
import { ListFamilyReservationsHandler } from './queries/list-family-reservations/list-family-reservations.handler.js';
import { ListPromotionsHandler } from './queries/list-promotions/list-promotions.handler.js';
import { ListWaitingDaysHandler } from './queries/list-waiting-days/list-waiting-days.handler.js';
import { FamilyReservationsReader } from './readers/family-reservations-reader.js';
import { Baskets } from './basket/baskets.js';
import { ServiceDayWriter } from './service-day/service-day-writer.js';

/** Baskets, service days (booking, waiting lists, allocation, absences, attendance) and the staff's lists. */
@Module({
  // Children are the families' (FamilyChildrenReader); prestations and the calendar, the catalogue's.
  imports: [CatalogueModule, FamiliesModule],
  controllers: [BasketController, ReservationsController, FamilyReservationsController, ServiceDaysController, WaitingListsController],
  providers: [
    ServiceDayWriter,
    Baskets,
    RequestReservationsHandler,
    RemoveFromBasketHandler,
    ValidateBasketHandler,
    CancelReservationHandler,
    DeclareAbsenceHandler,
    JustifyAbsenceHandler,
    RecordAttendanceHandler,
    RunAllocationHandler,
    PromoteFromWaitingListHandler,
    PromoteAfterCapacityRaiseHandler,
    GetBasketHandler,
    GetPeriodViewHandler,
    ListFamilyReservationsHandler,
    GetOccupancyHandler,
    GetDayListHandler,
    GetMealCountsHandler,
    GetWaitingListHandler,
    GetAllocationResultHandler,
    ListWaitingDaysHandler,
    ListPromotionsHandler,
    // what other contexts read
    FamilyReservationsReader,
  ],
  exports: [FamilyReservationsReader],
})
export class ReservationsModule {}
