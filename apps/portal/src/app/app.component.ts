import { ChangeDetectionStrategy, Component, ElementRef, inject, viewChild } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { MESSAGES } from './i18n/messages';
import { NAV_ITEMS } from './layout/nav-items';

@Component({
  selector: 'ard-root',
  imports: [RouterOutlet, RouterLink, RouterLinkActive],
  templateUrl: './app.component.html',
  styleUrl: './app.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AppComponent {
  protected readonly t = inject(MESSAGES);
  protected readonly navItems = NAV_ITEMS;
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  /** With <base href="/">, a plain "#contenu" link would navigate to "/": move focus instead. */
  protected skipToContent(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }
}
