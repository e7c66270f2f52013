import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { DayListChild } from '@ardoise/contracts';
import { firstValueFrom } from 'rxjs';
import { API } from '../../../core/api';
import { BO_MESSAGES } from '../../../i18n/back-office/back-office-messages';

interface ChildFound {
  childId: string;
  firstName: string | null;
  lastName: string | null;
  school: string | null;
  className: string | null;
}

/** A child who came without a booking: find them by name (GET /children?q=) and mark them present. */
@Component({
  selector: 'ard-unbooked-child',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <section class="panel" aria-labelledby="unbooked-heading">
      <h2 id="unbooked-heading">{{ t.attendance.unbookedHeading }}</h2>
      <form class="bo-toolbar-row" role="search" (ngSubmit)="search()">
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ t.attendance.unbookedSearch }}</mat-label>
          <input matInput name="q" [(ngModel)]="q" minlength="2" autocomplete="off" [attr.aria-description]="t.attendance.unbookedHint" />
        </mat-form-field>
        <button mat-flat-button type="submit">{{ t.search.submit }}</button>
      </form>
      @if (found(); as list) {
        @if (list.length === 0) {
          <p role="status">{{ t.attendance.unbookedNone }}</p>
        }
        <ul class="bo-toolbar-row">
          @for (c of list; track c.childId) {
            <li>
              <button type="button" class="mark-button" mat-stroked-button (click)="choose(c)">
                {{ t.attendance.unbookedAdd(c.firstName + ' ' + c.lastName) }} ({{ c.school }} {{ c.className }})
              </button>
            </li>
          }
        </ul>
      }
    </section>
  `,
  styles: `
    ul {
      list-style: none;
      padding: 0;
    }
    button {
      min-height: 3rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UnbookedChildComponent {
  protected readonly t = inject(BO_MESSAGES);
  private readonly http = inject(HttpClient);
  readonly chosen = output<DayListChild>();
  protected q = '';
  protected readonly found = signal<ChildFound[] | null>(null);

  protected async search(): Promise<void> {
    if (this.q.trim().length < 2) return;
    try {
      this.found.set(await firstValueFrom(this.http.get<ChildFound[]>(`${API}/children`, { params: { q: this.q.trim() } })));
    } catch {
      this.found.set([]);
    }
  }

  protected choose(c: ChildFound): void {
    this.chosen.emit({ ...c, diet: null, attendance: null });
    this.found.set(null);
    this.q = '';
  }
}
