import { Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { Kysely } from 'kysely';
import type { OutboxDeliveryView, OutboxMailSummary, OutboxMailView, Page } from '#ardoise/contracts';
import { DATABASE } from '#ardoise/database';
import { Roles } from '#ardoise/identity';
import { ConflictError } from '#ardoise/kernel';
import { AppConfig } from '#ardoise/runtime';
import { OutboxQueries } from './outbox-queries.js';
import { releaseHeldMails } from './release-held-mails.js';

export class ListOutboxRequest {
  /** Only the e-mails sent to this address. */
  @IsOptional()
  @IsEmail()
  to?: string;

  @IsOptional()
  @IsIn(['pending', 'sent', 'failed', 'held'])
  status?: 'pending' | 'sent' | 'failed' | 'held';

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}

/** The e-mails Ardoise produced: what was sent, what waits, what failed, what is kept (no SMTP). */
@ApiTags('messagerie')
@Roles('agent', 'admin')
@Controller('outbox')
export class OutboxController {
  constructor(
    @Inject(OutboxQueries) private readonly outbox: OutboxQueries,
    @Inject(DATABASE) private readonly db: Kysely<any>,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Les e-mails de la boîte d’envoi, les plus récents d’abord' })
  @ApiOkResponse({ description: 'Une page d’e-mails' })
  list(@Query() query: ListOutboxRequest): Promise<Page<OutboxMailSummary>> {
    return this.outbox.list({ to: query.to, status: query.status, page: query.page ?? 1, pageSize: query.pageSize ?? 50 });
  }

  @Get('delivery')
  @Roles('agent', 'admin', 'auditor') // counts only, no personal data: auditors read everything else
  @ApiOperation({ summary: 'L’envoi des e-mails : serveur SMTP configuré ou non, e-mails retenus, en attente, en échec' })
  async delivery(): Promise<OutboxDeliveryView> {
    return { smtpConfigured: Boolean(this.config.SMTP_URL), ...(await this.outbox.counts()) };
  }

  @Post('held/resend')
  @HttpCode(200)
  @ApiOperation({ summary: 'Envoyer tous les e-mails retenus faute de serveur SMTP (une fois SMTP configuré)' })
  async resendAllHeld(): Promise<{ released: number }> {
    this.assertSmtp();
    return { released: await releaseHeldMails(this.db, { allHeld: true }) };
  }

  @Post(':id/resend')
  @HttpCode(200)
  @ApiOperation({ summary: 'Renvoyer un e-mail retenu (sans SMTP) ou en échec' })
  async resend(@Param('id', new ParseUUIDPipe()) id: string): Promise<{ released: number }> {
    this.assertSmtp();
    const mail = await this.outbox.get(id);
    if (mail.status !== 'held' && mail.status !== 'failed') {
      throw new ConflictError('OUTBOX.NOT_HELD', 'Cet e-mail est déjà envoyé ou en cours d’envoi.');
    }
    return { released: await releaseHeldMails(this.db, { ids: [id] }) };
  }

  private assertSmtp(): void {
    if (!this.config.SMTP_URL) {
      throw new ConflictError('OUTBOX.NO_SMTP', 'Aucun serveur d’envoi n’est configuré (SMTP_URL) : les e-mails restent dans la boîte d’envoi.');
    }
  }

  @Get(':id')
  @ApiOperation({ summary: 'Un e-mail de la boîte d’envoi, en entier (texte et HTML)' })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<OutboxMailView> {
    return this.outbox.get(id);
  }
}
