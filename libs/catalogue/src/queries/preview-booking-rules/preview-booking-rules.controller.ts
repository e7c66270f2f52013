import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#ardoise/identity';
import { ValidationError } from '#ardoise/kernel';
import { CatalogueReader } from '../../catalogue-reader.js';
import { previewDeadlines, type DeadlinePreview } from '../../domain/deadline-preview.js';
import { deadlineRuleProblems, needsStartTime, type DeadlineRule } from '../../domain/deadline-rule.js';
import { PreviewBookingRulesRequest } from '../../commands/catalogue.requests.js';

/** The live preview of the règlement editor: what a draft rule gives for chosen days, nothing saved. */
@ApiTags('catalogue')
@Roles('agent', 'admin')
@Controller('catalogue/services')
export class PreviewBookingRulesController {
  constructor(@Inject(CatalogueReader) private readonly catalogue: CatalogueReader) {}

  @Post(':code/booking-rules/preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'Aperçu d’un règlement avant de l’enregistrer : pour chaque date, « réservable jusqu’au … »' })
  async preview(@Param('code') code: string, @Body() body: PreviewBookingRulesRequest): Promise<{ days: DeadlinePreview[] }> {
    const service = await this.catalogue.service(code);
    const startTime = body.startTime ?? service.startTime;
    const problems: { field: string; messages: string[] }[] = [];
    const check = (field: 'booking' | 'cancellation', rule: DeadlineRule | undefined) => {
      if (rule === undefined) return;
      const messages = deadlineRuleProblems(rule);
      if (messages.length === 0 && needsStartTime(rule) && !startTime) messages.push('Indiquez l’heure de début des séances de cette prestation.');
      if (messages.length > 0) problems.push({ field, messages });
    };
    check('booking', body.booking);
    check('cancellation', body.cancellation);
    if (problems.length > 0) throw new ValidationError(problems);
    const draft = { ...service, season: body.season ?? service.season, startTime };
    const days = previewDeadlines(draft, { booking: body.booking, cancellation: body.cancellation ?? null }, await this.catalogue.calendar(), body.dates);
    return { days };
  }
}
