import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MESSAGES } from '../../i18n/messages';
import { BO_MESSAGES } from '../../i18n/back-office/back-office-messages';
import { toApiError } from '../../core/api-error';
import { API } from '../../core/api';
import { BackOfficeContext } from './back-office-context';
import { StaffSearchService, type StaffSearchResult } from './staff-search.service';
import { euros } from '../../shared/formats';

/** The global search's results: families (to their file) and invoices (to their PDF). */
@Component({
  selector: 'ard-search-results-page',
  imports: [RouterLink],
  templateUrl: './search-results-page.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SearchResultsPageComponent {
  protected readonly t = inject(BO_MESSAGES);
  private readonly common = inject(MESSAGES);
  protected readonly context = inject(BackOfficeContext);
  private readonly service = inject(StaffSearchService);
  protected readonly api = API;
  protected readonly euros = euros;

  /** `?q=` */
  readonly q = input<string>('');
  protected readonly term = computed(() => (this.q() ?? '').trim());
  protected readonly result = signal<StaffSearchResult | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly canOpenFiles = computed(() => this.context.mayRead('gestion'));

  constructor() {
    effect(() => void this.run(this.term()));
  }

  private async run(term: string): Promise<void> {
    this.result.set(null);
    this.error.set(null);
    if (term.length < 2) return;
    this.loading.set(true);
    try {
      const result = await this.service.search(term);
      if (term === this.term()) this.result.set(result);
    } catch (error) {
      this.error.set(toApiError(error, this.common).title);
    } finally {
      this.loading.set(false);
    }
  }
}
