import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatTableModule } from '@angular/material/table';
import type { NewsView, ServiceView } from '@ardoise/contracts';
import { toApiError } from '../../../core/api-error';
import { BO_MESSAGES } from '../../../i18n/back-office/back-office-messages';
import { MESSAGES } from '../../../i18n/messages';
import { shortInstant } from '../../../shared/formats';
import { BackOfficeContext } from '../../../back-office/shell/back-office-context';
import { NewsEditorService, type NewsDraft } from './news-editor.service';

/** A `datetime-local` value (Paris wall clock on the agent's machine) as an ISO shortInstant. */
const toIso = (local: string) => (local ? new Date(local).toISOString() : undefined);

/** /gestion/actualites: write a news item or a week's menus, schedule it, target it, withdraw it. */
@Component({
  selector: 'ard-news-editor-page',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatTableModule],
  templateUrl: './news-editor-page.component.html',
  styles: `
    textarea {
      min-height: 8rem;
    }
    .wide {
      width: min(40rem, 100%);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NewsEditorPageComponent {
  protected readonly t = inject(BO_MESSAGES);
  private readonly common = inject(MESSAGES);
  private readonly api = inject(NewsEditorService);
  protected readonly context = inject(BackOfficeContext);
  protected readonly shortInstant = shortInstant;
  protected readonly columns = ['title', 'kind', 'audience', 'from', 'status', 'actions'];

  protected readonly items = signal<NewsView[]>([]);
  protected readonly services = signal<ServiceView[]>([]);
  protected readonly kind = signal<'message' | 'menu'>('message');
  protected readonly title = signal('');
  protected readonly body = signal('');
  protected readonly week = signal('');
  protected readonly scope = signal<'all' | 'school' | 'service'>('all');
  protected readonly school = signal('');
  protected readonly serviceCode = signal('');
  protected readonly visibleFrom = signal('');
  protected readonly visibleUntil = signal('');
  protected readonly reason = signal('');
  protected readonly message = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly fieldErrors = signal<string[]>([]);

  constructor() {
    void this.attempt(async () => {
      const [list, services] = await Promise.all([this.api.list(), this.api.services()]);
      this.items.set(list.items);
      this.services.set(services);
      this.serviceCode.set(services[0]?.code ?? '');
    });
  }

  protected audienceText(news: NewsView): string {
    const a = news.audience;
    return this.t.newsEditor.audienceOf(a.scope, a.scope === 'school' ? a.school : a.scope === 'service' ? a.serviceCode : null);
  }

  protected async publish(): Promise<void> {
    const audience: NewsDraft['audience'] =
      this.scope() === 'school'
        ? { scope: 'school', school: this.school() }
        : this.scope() === 'service'
          ? { scope: 'service', serviceCode: this.serviceCode() }
          : { scope: 'all' };
    const draft: NewsDraft = {
      kind: this.kind(),
      title: this.title(),
      body: this.body(),
      audience,
      visibleFrom: toIso(this.visibleFrom()),
      visibleUntil: toIso(this.visibleUntil()),
      ...(this.kind() === 'menu' ? { week: this.week() } : {}),
    };
    await this.attempt(async () => {
      await this.api.publish(draft);
      this.message.set(this.t.newsEditor.published);
      this.title.set('');
      this.body.set('');
      this.items.set((await this.api.list()).items);
    });
  }

  protected async withdraw(news: NewsView): Promise<void> {
    await this.attempt(async () => {
      await this.api.withdraw(news.id, this.reason().trim());
      this.message.set(this.t.newsEditor.withdrawn);
      this.items.set((await this.api.list()).items);
    });
  }

  private async attempt(action: () => Promise<void>): Promise<void> {
    this.error.set(null);
    this.fieldErrors.set([]);
    this.message.set(null);
    try {
      await action();
    } catch (error) {
      const problem = toApiError(error, this.common);
      this.error.set(problem.title);
      this.fieldErrors.set(Object.entries(problem.fieldErrors).map(([field, messages]) => `${field} : ${messages.join(' ')}`));
    }
  }
}
