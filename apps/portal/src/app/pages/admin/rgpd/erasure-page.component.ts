import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { ErasurePreview, ErasureRecord, ErasureResult, FamilySummaryView } from '@ardoise/contracts';
import { toApiError } from '../../../core/api-error';
import { BackOfficeContext } from '../../../back-office/shell/back-office-context';
import { shortInstant } from '../../../shared/formats';
import { BO_MESSAGES } from '../../../i18n/back-office/back-office-messages';
import { MESSAGES } from '../../../i18n/messages';
import { AdminService } from '../admin.service';

/** As the server compares it: case, accents and spaces do not matter. */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toLocaleLowerCase('fr');

type CountKey = 'guardians' | 'children' | 'logins' | 'files' | 'emails' | 'events';

/**
 * /admin/rgpd: find a family, see what its erasure will delete or make unreadable, confirm
 * by typing its name, see the result; and the list of past erasures (no personal data).
 */
@Component({
  selector: 'ard-erasure-page',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  templateUrl: './erasure-page.component.html',
  styles: `
    .wide-field {
      width: min(100%, 36rem);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ErasurePageComponent {
  protected readonly t = inject(BO_MESSAGES);
  protected readonly e = this.t.admin.erasure;
  private readonly common = inject(MESSAGES);
  private readonly admin = inject(AdminService);
  protected readonly context = inject(BackOfficeContext);
  protected readonly shortInstant = shortInstant;
  protected readonly countKeys: CountKey[] = ['guardians', 'children', 'logins', 'files', 'emails', 'events'];

  protected query = '';
  protected readonly results = signal<FamilySummaryView[] | null>(null);
  protected readonly preview = signal<ErasurePreview | null>(null);
  protected readonly typed = signal('');
  protected readonly result = signal<ErasureResult | null>(null);
  protected readonly history = signal<ErasureRecord[]>([]);
  protected readonly error = signal<string | null>(null);
  protected readonly sending = signal(false);
  protected readonly matches = computed(() => {
    const name = this.preview()?.familyName;
    return !!name && fold(this.typed()) === fold(name);
  });

  constructor() {
    void this.loadHistory();
  }

  protected async search(): Promise<void> {
    const q = this.query.trim();
    if (q.length < 2) return;
    await this.attempt(async () => {
      this.preview.set(null);
      this.result.set(null);
      this.results.set(await this.admin.searchFamilies(q));
    });
  }

  protected async choose(family: FamilySummaryView): Promise<void> {
    await this.attempt(async () => {
      this.result.set(null);
      this.typed.set('');
      this.preview.set(await this.admin.erasurePreview(family.familyId));
    });
  }

  protected async erase(): Promise<void> {
    const preview = this.preview();
    if (!preview || !this.matches()) return;
    this.sending.set(true);
    await this.attempt(async () => {
      this.result.set(await this.admin.erase(preview.familyId, this.typed()));
      this.preview.set(null);
      this.results.set(null);
      await this.loadHistory();
    });
    this.sending.set(false);
  }

  protected cancel(): void {
    this.preview.set(null);
    this.typed.set('');
  }

  private async loadHistory(): Promise<void> {
    await this.attempt(async () => this.history.set(await this.admin.pastErasures()));
  }

  private async attempt(action: () => Promise<void>): Promise<void> {
    this.error.set(null);
    try {
      await action();
    } catch (error) {
      this.error.set(toApiError(error, this.common).title);
    }
  }
}
