import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, effect, inject, input, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { Banner } from '../../core/banner';
import { SessionService } from '../../core/session.service';
import { BO_MESSAGES } from '../../i18n/back-office/back-office-messages';
import { BackOfficeContext } from './back-office-context';
import type { AreaKey } from './back-office-nav';
import { loadBackOfficeTheme } from './back-office-theme';

/**
 * The frame of every back-office area: the areas this person may open, the area's menu,
 * the global search (family, child, e-mail, invoice number) and who is signed in.
 * Each area's routes file uses it as the parent of its pages (`data: { area }`).
 */
@Component({
  selector: 'ard-back-office-shell',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, FormsModule, MatFormFieldModule, MatInputModule, MatButtonModule],
  templateUrl: './back-office-shell.component.html',
  styleUrl: './back-office-shell.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown)': 'shortcut($event)' },
})
export class BackOfficeShellComponent {
  protected readonly t = inject(BO_MESSAGES);
  protected readonly session = inject(SessionService);
  protected readonly context = inject(BackOfficeContext);
  private readonly router = inject(Router);

  /** From the route's data. */
  readonly area = input.required<AreaKey>();
  protected query = '';
  private readonly searchBox = viewChild.required<ElementRef<HTMLInputElement>>('searchBox');

  constructor() {
    loadBackOfficeTheme(inject(DOCUMENT));
    effect(() => this.context.areaKey.set(this.area()));
    // The banner says which staff area this is, not the parents' « Espace famille ».
    const banner = inject(Banner);
    effect(() => banner.service.set(this.t.bannerService[this.area()]));
    inject(DestroyRef).onDestroy(() => banner.service.set(null));
  }

  /** « / » anywhere but in a field jumps to the search box, as in the tools agents know. */
  protected shortcut(event: KeyboardEvent): void {
    const target = event.target as HTMLElement | null;
    const typing = !!target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
    if (event.key !== '/' || typing || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    this.searchBox().nativeElement.focus();
  }

  protected search(): void {
    const q = this.query.trim();
    void this.router.navigate([this.context.area().path, 'recherche'], { queryParams: { q } });
  }
}
