import { Injectable, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { type RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { MESSAGES } from '../i18n/messages';

/** "Page — Site" titles, so each page is told apart in tabs and by screen readers (RGAA 8.6). */
@Injectable()
export class PageTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly t = inject(MESSAGES);

  override updateTitle(snapshot: RouterStateSnapshot): void {
    const page = this.buildTitle(snapshot);
    this.title.setTitle(page ? `${page} | ${this.t.app.name}` : this.t.app.name);
  }
}
