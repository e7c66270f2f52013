import { Module } from '@nestjs/common';
import { CatalogueReader } from './catalogue-reader.js';
import { CatalogueAdminController } from './commands/catalogue-admin.controller.js';
import { ChangeCalendarHandler, ChangeServiceHandler } from './commands/catalogue-command.handlers.js';
import { DefineServiceHandler } from './commands/define-service/define-service.handler.js';
import { GetCatalogueController } from './queries/get-calendar/get-catalogue.controller.js';
import { ListServicesController } from './queries/list-services/list-services.controller.js';
import { ListServicesHandler } from './queries/list-services/list-services.handler.js';
import { PreviewBookingRulesController } from './queries/preview-booking-rules/preview-booking-rules.controller.js';

@Module({
  controllers: [ListServicesController, GetCatalogueController, CatalogueAdminController, PreviewBookingRulesController],
  providers: [DefineServiceHandler, ListServicesHandler, ChangeServiceHandler, ChangeCalendarHandler, CatalogueReader],
  exports: [CatalogueReader],
})
export class CatalogueModule {}
