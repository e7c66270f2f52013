import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { filter } from 'rxjs';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Banner } from './core/banner';
import { SessionService } from './core/session.service';
import { TownService } from './core/town.service';
import { isStaffRole } from './core/staff-areas';
import { MESSAGES } from './i18n/messages';
import { PARENT_NAV_ITEMS, PUBLIC_NAV_ITEMS } from './layout/nav-items';
import { TownContactComponent } from './layout/town-contact.component';

@Component({
  selector: 'ard-root',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, TownContactComponent],
  templateUrl: './app.component.html',
  styleUrl: './app.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AppComponent {
  protected readonly t = inject(MESSAGES);
  protected readonly session = inject(SessionService);
  protected readonly town = inject(TownService);
  private readonly banner = inject(Banner);
  private readonly router = inject(Router);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  protected readonly navItems = computed(() => (this.session.isParent() ? PARENT_NAV_ITEMS : PUBLIC_NAV_ITEMS));
  /** The back office's dense tables get the whole width of the screen. */
  protected readonly isStaff = computed(() => isStaffRole(this.session.me()?.role));
  /** « Espace famille » for parents and visitors; a staff area's own name inside the back office (set by its shell). */
  protected readonly bannerService = computed(() => this.banner.service() ?? (this.isStaff() ? null : this.t.app.service));
  /** On a phone the menu folds behind a button; it closes after each navigation. */
  protected readonly menuOpen = signal(false);

  constructor() {
    void this.session.resolve();
    this.router.events
      .pipe(
        filter((e) => e instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.menuOpen.set(false));
  }

  /** With <base href="/">, a plain "#contenu" link would navigate to "/": move focus instead. */
  protected skipToContent(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }

  protected async logout(): Promise<void> {
    await this.session.logout().catch(() => undefined);
    await this.router.navigate(['/connexion'], { queryParams: { deconnecte: 1 } });
  }
}
