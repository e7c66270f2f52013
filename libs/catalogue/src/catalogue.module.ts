import { Module } from '@nestjs/common';
import { DefineServiceHandler } from './commands/define-service/define-service.handler.js';
import { ListServicesController } from './queries/list-services/list-services.controller.js';
import { ListServicesHandler } from './queries/list-services/list-services.handler.js';

@Module({
  controllers: [ListServicesController],
  providers: [DefineServiceHandler, ListServicesHandler],
})
export class CatalogueModule {}
