import { Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OutboxDeliveryView, OutboxMailSummary, OutboxMailView, Page } from '#ardoise/contracts';
import { Roles } from '#ardoise/identity';
import { ResendHeldMails } from '../commands/resend-held-mails/resend-held-mails.command.js';
import { ResendMail } from '../commands/resend-mail/resend-mail.command.js';
import { GetOutboxDelivery } from '../queries/get-outbox-delivery/get-outbox-delivery.query.js';
import { GetOutboxMail } from '../queries/get-outbox-mail/get-outbox-mail.query.js';
import { ListOutbox } from '../queries/list-outbox/list-outbox.query.js';
import { ListOutboxRequest } from '../queries/list-outbox/list-outbox.request.js';

/** The e-mails Ardoise produced: what was sent, what waits, what failed, what is kept (no SMTP). */
@ApiTags('messagerie')
@Roles('agent', 'admin')
@Controller('outbox')
export class OutboxController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Les e-mails de la boîte d’envoi, les plus récents d’abord' })
  @ApiOkResponse({ description: 'Une page d’e-mails' })
  list(@Query() query: ListOutboxRequest): Promise<Page<OutboxMailSummary>> {
    return this.queries.execute(new ListOutbox(query.to, query.status, query.page ?? 1, query.pageSize ?? 50));
  }

  @Get('delivery')
  @Roles('agent', 'admin', 'auditor') // counts only, no personal data: auditors read everything else
  @ApiOperation({ summary: 'L’envoi des e-mails : serveur SMTP configuré ou non, e-mails retenus, en attente, en échec' })
  delivery(): Promise<OutboxDeliveryView> {
    return this.queries.execute(new GetOutboxDelivery());
  }

  @Post('held/resend')
  @HttpCode(200)
  @ApiOperation({ summary: 'Envoyer tous les e-mails retenus faute de serveur SMTP (une fois SMTP configuré)' })
  resendAllHeld(): Promise<{ released: number }> {
    return this.commands.execute(new ResendHeldMails());
  }

  @Post(':id/resend')
  @HttpCode(200)
  @ApiOperation({ summary: 'Renvoyer un e-mail retenu (sans SMTP) ou en échec' })
  resend(@Param('id', new ParseUUIDPipe()) id: string): Promise<{ released: number }> {
    return this.commands.execute(new ResendMail(id));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Un e-mail de la boîte d’envoi, en entier (texte et HTML)' })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<OutboxMailView> {
    return this.queries.execute(new GetOutboxMail(id));
  }
}
