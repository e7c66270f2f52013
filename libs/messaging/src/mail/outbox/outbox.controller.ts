import { Controller, Get, Inject, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { OutboxMailSummary, OutboxMailView, Page } from '#ardoise/contracts';
import { Roles } from '#ardoise/identity';
import { OutboxQueries } from './outbox-queries.js';

export class ListOutboxRequest {
  /** Only the e-mails sent to this address. */
  @IsOptional() @IsEmail()
  to?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  page?: number;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  pageSize?: number;
}

/** The e-mails Ardoise produced: what was sent, what waits, what failed, what is kept (no SMTP). */
@ApiTags('messagerie')
@Roles('agent', 'admin')
@Controller('outbox')
export class OutboxController {
  constructor(@Inject(OutboxQueries) private readonly outbox: OutboxQueries) {}

  @Get()
  @ApiOperation({ summary: 'Les e-mails de la boîte d’envoi, les plus récents d’abord' })
  @ApiOkResponse({ description: 'Une page d’e-mails' })
  list(@Query() query: ListOutboxRequest): Promise<Page<OutboxMailSummary>> {
    return this.outbox.list({ to: query.to, page: query.page ?? 1, pageSize: query.pageSize ?? 50 });
  }

  @Get(':id')
  @ApiOperation({ summary: 'Un e-mail de la boîte d’envoi, en entier (texte et HTML)' })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<OutboxMailView> {
    return this.outbox.get(id);
  }
}
