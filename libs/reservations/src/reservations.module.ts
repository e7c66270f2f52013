import { Module } from '@nestjs/common';
import { CatalogueModule } from '#ardoise/catalogue';
import { ChildDirectory, FamiliesChildDirectory } from './children/child-directory.js';
import {
  CancelReservationHandler,
  DeclareAbsenceHandler,
  JustifyAbsenceHandler,
  RecordAttendanceHandler,
  RemoveFromBasketHandler,
} from './commands/reservation-changes.handlers.js';
import { RequestReservationsHandler } from './commands/request-reservations.handler.js';
import { RunAllocationHandler } from './commands/run-allocation.handler.js';
import { PromoteAfterCapacityRaiseHandler, PromoteFromWaitingListHandler } from './commands/promote-from-waiting-list/promote-from-waiting-list.handler.js';
import { WaitingListsController } from './http/waiting-lists.controller.js';
import { WaitingListsReader } from './queries/promotions/waiting-lists.reader.js';
import { AllocationResultReader } from './queries/allocation-result/allocation-result.reader.js';
import { ValidateBasketHandler } from './commands/validate-basket.handler.js';
import { BasketController } from './http/basket.controller.js';
import { FamilyReservationsController, ServiceDaysController } from './http/reservation-queries.controller.js';
import { ReservationsController } from './http/reservations.controller.js';
import { PeriodViewReader } from './queries/period-view.reader.js';
import { StaffViewsReader } from './queries/staff-views.reader.js';
import { ServiceDayWriter } from './service-day/service-day-writer.js';

@Module({
  imports: [CatalogueModule],
  controllers: [BasketController, ReservationsController, FamilyReservationsController, ServiceDaysController, WaitingListsController],
  providers: [
    { provide: ChildDirectory, useClass: FamiliesChildDirectory },
    ServiceDayWriter,
    RequestReservationsHandler,
    ValidateBasketHandler,
    RemoveFromBasketHandler,
    CancelReservationHandler,
    DeclareAbsenceHandler,
    JustifyAbsenceHandler,
    RecordAttendanceHandler,
    RunAllocationHandler,
    PromoteFromWaitingListHandler,
    PromoteAfterCapacityRaiseHandler,
    WaitingListsReader,
    AllocationResultReader,
    PeriodViewReader,
    StaffViewsReader,
  ],
  exports: [ChildDirectory],
})
export class ReservationsModule {}
