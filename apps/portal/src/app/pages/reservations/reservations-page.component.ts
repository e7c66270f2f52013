import { ChangeDetectionStrategy, Component, HostListener, OnInit, inject } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { toApiError } from '../../core/api-error';
import { MESSAGES } from '../../i18n/messages';
import { BasketComponent } from './basket.component';
import { ChildSelectorComponent } from './child-selector.component';
import { ReservationsStore } from './reservations.store';

/** Mes réservations: the child, the two views (Période, Agenda) and the basket, always in sight. */
@Component({
  selector: 'ard-reservations-page',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, ChildSelectorComponent, BasketComponent],
  template: `
    <h1>{{ r.heading }}</h1>
    @if (store.loadError(); as error) {
      <p class="error-summary" role="alert">{{ errorTitle(error) }}</p>
    }
    <!-- On a phone, the child and the view share one compact line, so the week's grid is on the first screen. -->
    <div class="reservations-bar">
      <ard-child-selector class="bar-child" />
      <nav class="view-tabs" [attr.aria-label]="r.views">
        <a routerLink="/reservations" routerLinkActive="active" [routerLinkActiveOptions]="{ exact: true }" ariaCurrentWhenActive="page"
          ><span class="view-word">{{ r.viewWord }}</span
          >{{ r.periodViewShort }}</a
        >
        <a routerLink="/reservations/agenda" routerLinkActive="active" ariaCurrentWhenActive="page"
          ><span class="view-word">{{ r.viewWord }}</span
          >{{ r.agendaViewShort }}</a
        >
      </nav>
    </div>
    <div class="reservations-layout">
      <div class="reservations-main">
        <router-outlet />
      </div>
      <ard-basket class="reservations-basket" />
    </div>
  `,
  styleUrl: './reservations-page.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReservationsPageComponent implements OnInit {
  protected readonly t = inject(MESSAGES);
  protected readonly r = this.t.reservations;
  protected readonly store = inject(ReservationsStore);

  ngOnInit(): void {
    void this.store.load();
  }

  protected errorTitle(error: unknown): string {
    return toApiError(error, this.t).title;
  }

  /** Closing the tab with an unvalidated basket: the browser asks (its own words; ours are in the route guard). */
  @HostListener('window:beforeunload', ['$event'])
  protected warnBeforeUnload(event: BeforeUnloadEvent): void {
    if (this.store.basket().length > 0) event.preventDefault();
  }
}
