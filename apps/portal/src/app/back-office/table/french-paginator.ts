import { Injectable, inject } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { BO_MESSAGES } from '../../i18n/back-office/back-office-messages';

/** The paginator's words in French (from the back office's messages). */
@Injectable()
export class FrenchPaginatorIntl extends MatPaginatorIntl {
  private readonly t = inject(BO_MESSAGES).table;
  override itemsPerPageLabel = this.t.itemsPerPage;
  override nextPageLabel = this.t.nextPage;
  override previousPageLabel = this.t.previousPage;
  override firstPageLabel = this.t.firstPage;
  override lastPageLabel = this.t.lastPage;
  override getRangeLabel = (page: number, size: number, length: number) => this.t.range(page, size, length);
}

export const FRENCH_PAGINATOR = { provide: MatPaginatorIntl, useClass: FrenchPaginatorIntl };
