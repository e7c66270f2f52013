import { ScrollingModule } from '@angular/cdk/scrolling';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, Router } from '@angular/router';
import type { AuditedEventView } from '@ardoise/contracts';
import { toApiError } from '../../../core/api-error';
import { BO_MESSAGES } from '../../../i18n/back-office/back-office-messages';
import { MESSAGES } from '../../../i18n/messages';
import { shortInstant } from '../../../shared/formats';
import { AuditApiService, type EventFilters } from '../audit-api.service';
import { EventDetailComponent } from './event-detail.component';
import { KNOWN_CATEGORIES, filtersFromQuery, queryFromFilters, toInstant } from './event-query';

const FIRST_PAGE = 100;
const NEXT_PAGE = 300;
/** Load the next page when the last rows shown come within this many of the end of what is loaded. */
const PREFETCH = 150;

/**
 * /audit/evenements: the whole log with filters, in a virtual scroll that loads pages by
 * position (keyset) as the auditor scrolls, never all of it. `?evenement=` opens one event,
 * `?flux=` a stream's timeline, `?correlation=` a correlation; every filter is in the URL.
 */
@Component({
  selector: 'ard-event-browser-page',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, ScrollingModule, EventDetailComponent],
  templateUrl: './event-browser-page.component.html',
  styleUrl: './event-browser-page.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EventBrowserPageComponent {
  protected readonly t = inject(BO_MESSAGES);
  private readonly common = inject(MESSAGES);
  private readonly api = inject(AuditApiService);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  protected readonly shortInstant = shortInstant;
  protected readonly categories = KNOWN_CATEGORIES;
  protected readonly rowHeight = 36;

  /** The form (edited) and what is shown (applied, from the URL). */
  protected form: EventFilters & { order: 'backwards' | 'forwards' } = { order: 'backwards' };
  protected readonly applied = signal<EventFilters>({});
  protected readonly streamId = signal<string | null>(null);
  protected readonly order = signal<'backwards' | 'forwards'>('backwards');
  protected readonly events = signal<AuditedEventView[]>([]);
  protected readonly next = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly firstScreenMs = signal<number | null>(null);
  protected readonly selectedId = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  private generation = 0;

  constructor() {
    this.route.queryParamMap.pipe(takeUntilDestroyed(inject(DestroyRef))).subscribe((query) => {
      const { filters, streamId, order, eventId } = filtersFromQuery(query);
      this.selectedId.set(eventId);
      const key = JSON.stringify([filters, streamId, order]);
      if (key === this.shownKey) return;
      this.shownKey = key;
      this.form = { ...filters, order, stream: streamId ? undefined : filters.stream };
      this.applied.set(filters);
      this.streamId.set(streamId);
      this.order.set(order);
      void this.reload();
    });
  }
  private shownKey = '';

  protected apply(): void {
    const { order, ...filters } = this.form;
    void this.router.navigate([], { relativeTo: this.route, queryParams: queryFromFilters(filters, null, order, null) });
  }

  protected clear(): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: {} });
  }

  /** Opens an event (kept in the URL: the back button closes it). */
  protected open(id: string | null): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: { evenement: id }, queryParamsHandling: 'merge' });
  }

  protected exportUrl(): string {
    return this.api.exportUrl(this.applied(), this.streamId() ?? undefined);
  }

  protected trackById = (_: number, e: AuditedEventView) => e.id;

  /** As the auditor scrolls: the next page when the end of what is loaded comes near. */
  protected scrolled(firstVisible: number): void {
    const visibleRows = 30;
    if (this.next() && !this.loading() && firstVisible + visibleRows + PREFETCH >= this.events().length) void this.loadMore();
  }

  private async reload(): Promise<void> {
    const generation = ++this.generation;
    this.events.set([]);
    this.next.set(null);
    this.error.set(null);
    this.firstScreenMs.set(null);
    const started = performance.now();
    await this.fetch(generation, null, FIRST_PAGE);
    if (generation === this.generation) this.firstScreenMs.set(Math.round(performance.now() - started));
  }

  private async loadMore(): Promise<void> {
    await this.fetch(this.generation, this.next(), NEXT_PAGE);
  }

  private async fetch(generation: number, after: string | null, limit: number): Promise<void> {
    this.loading.set(true);
    try {
      const filters = { ...this.applied(), from: toInstant(this.applied().from), to: toInstant(this.applied().to) };
      const page = await this.api.page(filters, this.order(), after, limit, this.streamId() ?? undefined);
      if (generation !== this.generation) return;
      this.events.update((shown) => [...shown, ...page.events]);
      this.next.set(page.next);
      // A filter the store cannot apply may leave a page short: keep going until the screen is full.
      if (page.next && this.events().length < FIRST_PAGE) await this.fetch(generation, page.next, NEXT_PAGE);
    } catch (error) {
      if (generation === this.generation) this.error.set(toApiError(error, this.common).title);
    } finally {
      if (generation === this.generation) this.loading.set(false);
    }
  }
}
