import { ChangeDetectionStrategy, Component, ElementRef, inject, input, model, signal, viewChildren } from '@angular/core';
import { MESSAGES } from '../../i18n/messages';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const ACCEPT = 'application/pdf,image/jpeg,image/png,image/heic,image/heif,.heic,.heif';

/** A file from the device, or a photo taken there and then with the phone's camera. */
@Component({
  selector: 'ard-file-picker',
  template: `
    <div class="field" [class.field-invalid]="error()">
      <label [for]="fieldId()">{{ r.file }}</label>
      <p class="hint" [id]="fieldId() + '-hint'">{{ r.fileHint }}</p>
      <input
        #input
        type="file"
        [id]="fieldId()"
        [attr.accept]="accept"
        (change)="picked($event)"
        [attr.aria-describedby]="fieldId() + '-hint ' + fieldId() + '-error'"
        [attr.aria-invalid]="error() ? true : null"
      />
      <label class="button button-small photo">
        <input #input type="file" accept="image/*" capture="environment" class="visually-hidden" (change)="picked($event)" />
        {{ r.photo }}
      </label>
      <p class="field-error" [id]="fieldId() + '-error'">
        @if (error(); as e) {
          <span>⚠ {{ e }}</span>
        }
      </p>
    </div>
  `,
  styles: `
    input[type='file'] {
      display: block;
      max-width: 100%;
      margin-bottom: 0.5rem;
    }
    .photo {
      display: inline-flex;
      align-items: center;
      gap: 0.25rem;
    }
    .photo:focus-within {
      outline: 3px solid var(--ard-focus);
      outline-offset: 2px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FilePickerComponent {
  protected readonly r = inject(MESSAGES).requests;
  protected readonly accept = ACCEPT;
  readonly fieldId = input.required<string>();
  readonly file = model<File | null>(null);
  protected readonly error = signal<string | null>(null);
  private readonly inputs = viewChildren<ElementRef<HTMLInputElement>>('input');

  protected picked(event: Event): void {
    const chosen = (event.target as HTMLInputElement).files?.[0] ?? null;
    if (chosen && chosen.size > MAX_ATTACHMENT_BYTES) {
      this.error.set(this.r.tooLarge);
      this.file.set(null);
      (event.target as HTMLInputElement).value = '';
      return;
    }
    this.error.set(null);
    this.file.set(chosen);
  }

  /** After sending: forget the file. */
  clear(): void {
    for (const input of this.inputs()) input.nativeElement.value = '';
    this.file.set(null);
  }

  /** A refusal from the server (type or size checked by content), shown on the field. */
  fail(message: string): void {
    this.error.set(message);
  }
}
