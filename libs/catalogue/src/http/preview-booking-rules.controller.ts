import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#ardoise/identity';
import type { DeadlinePreview } from '../domain/deadline-preview.js';
import { PreviewBookingRules } from '../queries/preview-booking-rules/preview-booking-rules.query.js';
import { PreviewBookingRulesRequest } from '../queries/preview-booking-rules/preview-booking-rules.request.js';

/** The live preview of the règlement editor: what a draft rule gives for chosen days, nothing saved. */
@ApiTags('catalogue')
@Roles('agent', 'admin')
@Controller('catalogue/services')
export class PreviewBookingRulesController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Post(':code/booking-rules/preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'Aperçu d’un règlement avant de l’enregistrer : pour chaque date, « réservable jusqu’au … »' })
  preview(@Param('code') code: string, @Body() body: PreviewBookingRulesRequest): Promise<{ days: DeadlinePreview[] }> {
    return this.queries.execute(new PreviewBookingRules(code, body));
  }
}
