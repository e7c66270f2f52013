import { Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { NewsListView, NewsView } from '#ardoise/contracts';
import { CLOCK, currentContext, type Clock } from '#ardoise/commands';
import { SelfService } from '#ardoise/identity';
import { newsNotFound } from '../domain/news.decider.js';
import { FAMILY_AUDIENCE_RESOLVER, type FamilyAudienceResolver } from './family-audience.js';
import { NewsQueries } from './news-queries.js';

/** "Mes actualités": parents read the current news meant for their family; staff see every item. */
@ApiTags('actualités')
@Controller('news')
export class NewsReadingController {
  constructor(
    @Inject(NewsQueries) private readonly news: NewsQueries,
    @Inject(FAMILY_AUDIENCE_RESOLVER) private readonly audiences: FamilyAudienceResolver,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Les actualités : en cours pour ma famille, les plus récentes d’abord, avec « non lu » (parents) ; toutes (agents)' })
  async list(): Promise<NewsListView> {
    const actor = currentContext().actor;
    if (actor.role !== 'parent') return this.news.all(this.clock.now());
    return this.news.forFamily(actor.userId, await this.audiences.resolve(actor.familyId!, this.clock.now()), this.clock.now());
  }

  @Get(':id')
  @ApiOperation({ summary: 'Une actualité' })
  async one(@Param('id', new ParseUUIDPipe()) id: string): Promise<NewsView> {
    const actor = currentContext().actor;
    if (actor.role !== 'parent') return this.news.one(id, this.clock.now());
    const { items } = await this.news.forFamily(actor.userId, await this.audiences.resolve(actor.familyId!, this.clock.now()), this.clock.now(), id);
    if (!items[0]) throw newsNotFound();
    return items[0];
  }

  /** A parent's own read marker: allowed to every signed-in person, like other self-service writes. */
  @Post(':id/read')
  @HttpCode(204)
  @SelfService()
  @ApiOperation({ summary: 'Marquer une actualité comme lue' })
  async markRead(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    const actor = currentContext().actor;
    if (actor.role === 'parent') {
      const { items } = await this.news.forFamily(actor.userId, await this.audiences.resolve(actor.familyId!, this.clock.now()), this.clock.now(), id);
      if (!items[0]) throw newsNotFound();
    } else {
      await this.news.one(id, this.clock.now());
    }
    await this.news.markRead(actor.userId, id);
  }
}
