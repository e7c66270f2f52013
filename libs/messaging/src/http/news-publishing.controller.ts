import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#ardoise/identity';
import { PublishNews } from '../commands/publish-news/publish-news.command.js';
import { PublishNewsRequest, type NewsAudienceRequest } from '../commands/publish-news/publish-news.request.js';
import { WithdrawNews } from '../commands/withdraw-news/withdraw-news.command.js';
import { WithdrawNewsRequest } from '../commands/withdraw-news/withdraw-news.request.js';
import type { NewsAudience } from '../domain/news-events.js';

const audienceOf = (a: NewsAudienceRequest): NewsAudience =>
  a.scope === 'school'
    ? { scope: 'school', school: a.school!.trim() }
    : a.scope === 'service'
      ? { scope: 'service', serviceCode: a.serviceCode!.trim() }
      : { scope: 'all' };

/** The town's agents publish news and menus ("Mes actualités"), now or later, and withdraw them. */
@ApiTags('actualités')
@Roles('agent', 'admin')
@Controller('news')
export class NewsPublishingController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Publier une actualité ou les menus d’une semaine (tout de suite ou à une date)' })
  publish(@Body() body: PublishNewsRequest): Promise<{ newsId: string }> {
    return this.commands.execute(
      new PublishNews({
        kind: body.kind,
        title: body.title.trim(),
        body: body.body,
        audience: audienceOf(body.audience),
        visibleFrom: body.visibleFrom,
        visibleUntil: body.visibleUntil,
        week: body.week,
      }),
    );
  }

  @Post(':id/withdraw')
  @HttpCode(204)
  @ApiOperation({ summary: 'Retirer une actualité' })
  async withdraw(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: WithdrawNewsRequest): Promise<void> {
    await this.commands.execute(new WithdrawNews(id, body.reason?.trim() || null));
  }
}
