import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MESSAGES } from '../../i18n/messages';
import { ReservationsStore } from './reservations.store';

/** The guide's first remark: never forget which child. Big, labelled, always above the planning. */
@Component({
  selector: 'ard-child-selector',
  template: `
    @if (store.family()) {
      @if (store.children().length === 0) {
        <p class="notice notice-warning">{{ r.child.none }}</p>
      } @else {
        <fieldset class="child-selector">
          <legend>{{ r.child.legend }}</legend>
          <p class="hint" id="child-hint">{{ r.child.hint }}</p>
          <div class="child-options">
            @for (child of store.children(); track child.childId) {
              <label class="child-option" [class.selected]="child.childId === store.childId()">
                <input
                  type="radio"
                  name="enfant"
                  [value]="child.childId"
                  [checked]="child.childId === store.childId()"
                  (change)="store.chooseChild(child.childId)"
                  aria-describedby="child-hint"
                />
                <span class="child-name">{{ child.firstName }}</span>
                <span class="child-details">{{ child.className }} · {{ child.school }}</span>
              </label>
            }
          </div>
        </fieldset>
      }
    }
  `,
  styles: `
    .child-selector {
      padding: 0.75rem 1rem;
      background: var(--ard-surface-alt);
    }
    .child-selector legend {
      font-size: 1.0625rem;
    }
    .child-options {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .child-option {
      display: grid;
      grid-template-columns: auto 1fr;
      column-gap: 0.5rem;
      align-items: center;
      min-height: 2.75rem;
      padding: 0.375rem 0.875rem;
      border: 2px solid var(--ard-border);
      border-radius: 0.5rem;
      background: #fff;
      cursor: pointer;
    }
    .child-option input {
      grid-row: span 2;
      width: 1.25rem;
      height: 1.25rem;
      margin: 0;
    }
    .child-option.selected {
      border-color: var(--ard-primary);
      box-shadow: inset 0 0 0 1px var(--ard-primary);
    }
    .child-option:focus-within {
      outline: 3px solid var(--ard-focus);
      outline-offset: 2px;
    }
    .child-name {
      font-weight: 700;
    }
    .child-details {
      font-size: 0.875rem;
      color: var(--ard-muted);
    }
    @media (max-width: 40rem) {
      .child-selector {
        padding: 0;
        margin: 0;
        border: 0;
        background: none;
        min-width: 0;
      }
      .child-selector legend,
      .child-selector .hint {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
        padding: 0;
      }
      .child-options {
        gap: 0.375rem;
      }
      .child-option {
        grid-template-columns: auto auto;
        column-gap: 0.375rem;
        padding: 0.25rem 0.5rem;
        font-size: 0.9375rem;
      }
      .child-option input {
        grid-row: auto;
        width: 1rem;
        height: 1rem;
      }
      .child-details {
        display: none;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChildSelectorComponent {
  protected readonly r = inject(MESSAGES).reservations;
  protected readonly store = inject(ReservationsStore);
}
