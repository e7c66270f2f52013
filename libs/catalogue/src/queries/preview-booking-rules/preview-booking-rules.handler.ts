import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ValidationError } from '#ardoise/kernel';
import { previewDeadlines, type DeadlinePreview } from '../../domain/deadline-preview.js';
import { deadlineRuleProblems, needsStartTime, type DeadlineRule } from '../../domain/deadline-rule.js';
import { CatalogueReader } from '../../readers/catalogue-reader.js';
import { PreviewBookingRules } from './preview-booking-rules.query.js';

@QueryHandler(PreviewBookingRules)
export class PreviewBookingRulesHandler implements IQueryHandler<PreviewBookingRules> {
  constructor(@Inject(CatalogueReader) private readonly catalogue: CatalogueReader) {}

  async execute({ code, draft: body }: PreviewBookingRules): Promise<{ days: DeadlinePreview[] }> {
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
