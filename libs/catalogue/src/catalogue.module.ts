import { Module } from '@nestjs/common';
import { ChangeCapacityHandler } from './commands/change-capacity/change-capacity.handler.js';
import { DeclareClosureHandler } from './commands/declare-closure/declare-closure.handler.js';
import { DefineSchoolYearHandler } from './commands/define-school-year/define-school-year.handler.js';
import { DefineServiceHandler } from './commands/define-service/define-service.handler.js';
import { ScheduleOpeningHandler } from './commands/schedule-opening/schedule-opening.handler.js';
import { SetBookingRulesHandler } from './commands/set-booking-rules/set-booking-rules.handler.js';
import { SetSessionStartHandler } from './commands/set-session-start/set-session-start.handler.js';
import { CatalogueAdminController } from './http/catalogue-admin.controller.js';
import { GetCatalogueController } from './http/get-catalogue.controller.js';
import { ListServicesController } from './http/list-services.controller.js';
import { PreviewBookingRulesController } from './http/preview-booking-rules.controller.js';
import { GetCalendarHandler } from './queries/get-calendar/get-calendar.handler.js';
import { GetServiceHandler } from './queries/get-service/get-service.handler.js';
import { ListServicesHandler } from './queries/list-services/list-services.handler.js';
import { PreviewBookingRulesHandler } from './queries/preview-booking-rules/preview-booking-rules.handler.js';
import { CatalogueReader } from './readers/catalogue-reader.js';

@Module({
  controllers: [ListServicesController, GetCatalogueController, CatalogueAdminController, PreviewBookingRulesController],
  providers: [
    DefineServiceHandler,
    SetBookingRulesHandler,
    ChangeCapacityHandler,
    SetSessionStartHandler,
    ScheduleOpeningHandler,
    DefineSchoolYearHandler,
    DeclareClosureHandler,
    ListServicesHandler,
    GetCalendarHandler,
    GetServiceHandler,
    PreviewBookingRulesHandler,
    CatalogueReader,
  ],
  exports: [CatalogueReader],
})
export class CatalogueModule {}
