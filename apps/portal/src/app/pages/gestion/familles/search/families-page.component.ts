import { ChangeDetectionStrategy, Component, effect, inject, input, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginator, MatPaginatorModule } from '@angular/material/paginator';
import { MatSort, MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import type { FamilySummaryView } from '@ardoise/contracts';
import { toApiError } from '../../../../core/api-error';
import { MESSAGES } from '../../../../i18n/messages';
import { BO_MESSAGES } from '../../../../i18n/back-office/back-office-messages';
import { BackOfficeContext } from '../../../../back-office/shell/back-office-context';
import { staffTableData } from '../../../../back-office/table/table-data';
import { FamiliesService } from '../families.service';
import { InviteFamilyComponent } from './invite-family.component';

/** Find a family (name, a child's first name, an e-mail), open its file; invite or create one. */
@Component({
  selector: 'ard-families-page',
  imports: [
    FormsModule,
    RouterLink,
    MatTableModule,
    MatSortModule,
    MatPaginatorModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    InviteFamilyComponent,
  ],
  templateUrl: './families-page.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FamiliesPageComponent {
  protected readonly t = inject(BO_MESSAGES);
  private readonly common = inject(MESSAGES);
  protected readonly context = inject(BackOfficeContext);
  private readonly families = inject(FamiliesService);
  private readonly router = inject(Router);

  /** `?q=`: the search is in the address, so Back and a shared link find it again. */
  readonly q = input<string>('');
  protected query = '';
  protected filter = '';
  protected readonly loaded = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly columns = ['family', 'guardians', 'children', 'status'];
  protected readonly rows = staffTableData<FamilySummaryView>(
    (f) => [f.familyName, ...f.guardians, ...f.children].join(' '),
    (f, column) =>
      column === 'family' ? (f.familyName ?? '') : column === 'status' ? f.status : column === 'children' ? f.children.join(' ') : f.guardians.join(' '),
  );
  private readonly sort = viewChild(MatSort);
  private readonly paginator = viewChild(MatPaginator);

  constructor() {
    effect(() => {
      this.rows.sort = this.sort() ?? null;
      this.rows.paginator = this.paginator() ?? null;
    });
    effect(() => {
      const q = this.q() ?? '';
      this.query = q;
      void this.load(q);
    });
  }

  protected submit(): void {
    void this.router.navigate([], { queryParams: { q: this.query.trim() || null } });
  }

  protected applyFilter(): void {
    this.rows.filter = this.filter.trim();
    this.rows.paginator?.firstPage();
  }

  private async load(q: string): Promise<void> {
    this.error.set(null);
    try {
      this.rows.data = await this.families.search(q.trim().length >= 2 ? q : '');
      this.loaded.set(true);
    } catch (error) {
      this.error.set(toApiError(error, this.common).title);
    }
  }
}
