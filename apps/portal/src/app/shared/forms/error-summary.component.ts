import { ChangeDetectionStrategy, Component, ElementRef, effect, inject, input, viewChild } from '@angular/core';
import { MESSAGES } from '../../i18n/messages';

export interface SummaryItem {
  /** The id of the field to jump to, when there is one. */
  fieldId?: string;
  message: string;
}

/**
 * The box at the top of a form after a failed submit: what went wrong, with a link to
 * each field. It takes the focus so a screen reader reads it at once (RGAA 11.10).
 */
@Component({
  selector: 'ard-error-summary',
  template: `
    @if (title()) {
      <div class="error-summary" role="alert" tabindex="-1" #box>
        <h2 class="error-summary-title"><span aria-hidden="true">⚠ </span>{{ title() }}</h2>
        @if (items().length > 0) {
          <ul>
            @for (item of items(); track $index) {
              <li>
                @if (item.fieldId) {
                  <a [href]="'#' + item.fieldId" (click)="jump($event, item.fieldId)">{{ item.message }}</a>
                } @else {
                  {{ item.message }}
                }
              </li>
            }
          </ul>
        }
      </div>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ErrorSummaryComponent {
  protected readonly t = inject(MESSAGES);
  readonly title = input<string | null>(null);
  readonly items = input<readonly SummaryItem[]>([]);
  private readonly box = viewChild<ElementRef<HTMLElement>>('box');

  constructor() {
    effect(() => {
      if (this.title()) queueMicrotask(() => this.box()?.nativeElement.focus());
    });
  }

  protected jump(event: Event, fieldId: string): void {
    event.preventDefault();
    document.getElementById(fieldId)?.focus();
  }
}
