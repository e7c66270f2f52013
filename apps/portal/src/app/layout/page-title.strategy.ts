import { Injectable, effect, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { type RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { TownService } from '../core/town.service';
import { MESSAGES } from '../i18n/messages';

/**
 * "Page | Espace famille — Town" titles, so each page is told apart in tabs and by screen
 * readers (RGAA 8.6), under the town's name once /api/v1/town has answered.
 */
@Injectable()
export class PageTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly t = inject(MESSAGES);
  private readonly town = inject(TownService);
  private page: string | undefined;

  constructor() {
    super();
    effect(() => this.apply(this.town.profile()?.name));
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.page = this.buildTitle(snapshot);
    this.apply(this.town.profile()?.name);
  }

  private apply(townName: string | undefined): void {
    const site = townName ? this.t.app.siteTitle(townName) : this.t.app.name;
    this.title.setTitle(this.page ? `${this.page} | ${site}` : site);
  }
}
