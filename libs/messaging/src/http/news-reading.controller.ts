import { Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { NewsListView, NewsView } from '#ardoise/contracts';
import { SelfService } from '#ardoise/identity';
import { MarkNewsRead } from '../commands/mark-news-read/mark-news-read.command.js';
import { GetNews } from '../queries/get-news/get-news.query.js';
import { ListNews } from '../queries/list-news/list-news.query.js';

/** "Mes actualités": parents read the current news meant for their family; staff see every item. */
@ApiTags('actualités')
@Controller('news')
export class NewsReadingController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Les actualités : en cours pour ma famille, les plus récentes d’abord, avec « non lu » (parents) ; toutes (agents)' })
  list(): Promise<NewsListView> {
    return this.queries.execute(new ListNews());
  }

  @Get(':id')
  @ApiOperation({ summary: 'Une actualité' })
  one(@Param('id', new ParseUUIDPipe()) id: string): Promise<NewsView> {
    return this.queries.execute(new GetNews(id));
  }

  /** A parent's own read marker: allowed to every signed-in person, like other self-service writes. */
  @Post(':id/read')
  @HttpCode(204)
  @SelfService()
  @ApiOperation({ summary: 'Marquer une actualité comme lue' })
  async markRead(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.commands.execute(new MarkNewsRead(id));
  }
}
