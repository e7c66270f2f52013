import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import type { NewsListView, NewsView } from '@ardoise/contracts';
import { firstValueFrom } from 'rxjs';
import { API } from '../../core/api';
import { toApiError } from '../../core/api-error';
import { MESSAGES } from '../../i18n/messages';
import { fullDate, numericDate } from '../../shared/formats';

/** Mes actualités (guide step 4): the town's current messages and menus, newest first, unread marked. */
@Component({
  selector: 'ard-news-page',
  template: `
    <h1>{{ n.heading }}</h1>
    <p>{{ n.intro }}</p>
    @if (error(); as message) {
      <p class="error-summary" role="alert">⚠ {{ message }}</p>
    }
    @if (news(); as list) {
      <p role="status" aria-live="polite" class="muted">{{ n.unreadCount(list.unreadCount) }}</p>
      @if (list.items.length === 0) {
        <p>{{ n.none }}</p>
      }
      @for (item of list.items; track item.id) {
        <article class="news" [class.unread]="!item.read" [attr.aria-labelledby]="'news-' + item.id">
          <header>
            <p class="news-meta">
              <span class="news-kind">{{ n.kinds[item.kind] }}</span> ·
              {{ item.kind === 'menu' && item.week ? n.menuWeek(fullDate(item.week)) : n.published(numericDate(item.visibleFrom)) }}
              @if (!item.read) {
                · <strong class="unread-mark"><span aria-hidden="true">● </span>{{ n.unread }}</strong>
              }
            </p>
            <h2 [id]="'news-' + item.id">{{ item.title }}</h2>
          </header>
          <div class="news-body">{{ item.body }}</div>
          @if (!item.read) {
            <button type="button" class="button button-small" (click)="markRead(item)" [attr.aria-label]="n.markReadLabel(item.title)">{{ n.markRead }}</button>
          }
        </article>
      }
    } @else if (!error()) {
      <p role="status">{{ t.forms.loading }}</p>
    }
  `,
  styles: `
    .news {
      margin: 1rem 0;
      padding: 1rem 1.25rem;
      border: 1px solid var(--ard-border);
      border-left: 0.375rem solid var(--ard-border);
      border-radius: 0.5rem;
    }
    .news.unread {
      border-left-color: var(--ard-primary);
    }
    .news h2 {
      margin: 0.25rem 0 0.5rem;
    }
    .news-meta {
      margin: 0;
      font-size: 0.9375rem;
      color: var(--ard-muted);
    }
    .news-kind {
      font-weight: 700;
      text-transform: uppercase;
      letter-spacing: 0.03em;
    }
    .unread-mark {
      color: var(--ard-primary);
    }
    .news-body {
      white-space: pre-line;
      margin-bottom: 0.75rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NewsPageComponent implements OnInit {
  protected readonly t = inject(MESSAGES);
  protected readonly n = this.t.news;
  private readonly http = inject(HttpClient);
  protected readonly fullDate = fullDate;
  protected readonly numericDate = numericDate;
  protected readonly news = signal<NewsListView | null>(null);
  protected readonly error = signal<string | null>(null);

  async ngOnInit(): Promise<void> {
    try {
      this.news.set(await firstValueFrom(this.http.get<NewsListView>(`${API}/news`)));
    } catch (error) {
      this.error.set(toApiError(error, this.t).title);
    }
  }

  protected async markRead(item: NewsView): Promise<void> {
    try {
      await firstValueFrom(this.http.post(`${API}/news/${item.id}/read`, {}));
      this.news.update(
        (list) => list && { items: list.items.map((i) => (i.id === item.id ? { ...i, read: true } : i)), unreadCount: Math.max(0, list.unreadCount - 1) },
      );
    } catch (error) {
      this.error.set(toApiError(error, this.t).title);
    }
  }
}
