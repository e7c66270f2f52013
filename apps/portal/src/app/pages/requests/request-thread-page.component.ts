import { ChangeDetectionStrategy, Component, OnInit, inject, input, signal, viewChild } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import type { RequestThreadView } from '@ardoise/contracts';
import { API } from '../../core/api';
import { toApiError } from '../../core/api-error';
import { MESSAGES } from '../../i18n/messages';
import { instant } from '../../shared/formats';
import { TextFieldComponent } from '../../shared/forms/text-field.component';
import { FilePickerComponent } from './file-picker.component';
import { RequestsService } from './requests.service';

/** One request: the messages both ways, the files, a reply (text and/or file), close and reopen. */
@Component({
  selector: 'ard-request-thread-page',
  imports: [ReactiveFormsModule, RouterLink, TextFieldComponent, FilePickerComponent],
  templateUrl: './request-thread-page.component.html',
  styleUrl: './requests.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RequestThreadPageComponent implements OnInit {
  protected readonly t = inject(MESSAGES);
  /** Polling loops stop once the page is left. */
  protected readonly r = this.t.requests;
  private readonly service = inject(RequestsService);
  protected readonly instant = instant;
  protected readonly api = API;

  readonly id = input.required<string>();
  /** Query parameters after creating the request: it is new; its file was refused (why). */
  readonly nouvelle = input<string>();
  readonly fichier = input<string>();

  protected readonly thread = signal<RequestThreadView | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly notice = signal<string | null>(null);
  protected readonly sending = signal(false);
  protected readonly file = signal<File | null>(null);
  protected readonly reply = new FormControl('', { nonNullable: true, validators: [Validators.maxLength(10_000)] });
  private readonly picker = viewChild(FilePickerComponent);

  async ngOnInit(): Promise<void> {
    if (this.nouvelle()) this.notice.set(this.r.created);
    await this.load();
    const refused = this.fichier();
    if (refused) this.picker()?.fail(refused);
  }

  /** Read after creating or writing in the thread, it shows what was done: the read waits for the writes (core/api.ts). */
  private async load(): Promise<void> {
    try {
      const thread = await this.service.thread(this.id());
      this.error.set(null);
      this.thread.set(thread);
    } catch (error) {
      this.error.set(toApiError(error, this.t).title);
    }
  }

  protected async send(): Promise<void> {
    const body = this.reply.value.trim();
    const file = this.file();
    this.error.set(null);
    this.notice.set(null);
    if (!body && !file) {
      this.reply.setErrors({ empty: this.r.messageRequired });
      this.reply.markAsTouched();
      return;
    }
    this.sending.set(true);
    try {
      // The file first: the message is only posted once its file is accepted (together or not at all).
      if (file) {
        try {
          await this.service.attach(this.id(), file);
        } catch (error) {
          this.picker()?.fail(toApiError(error, this.t).title);
          return;
        }
      }
      if (body) await this.service.post(this.id(), body);
      this.reply.reset();
      this.picker()?.clear();
      this.notice.set(file ? this.r.fileSent(file.name) : this.r.replySent);
    } catch (error) {
      this.error.set(toApiError(error, this.t).title);
    } finally {
      this.sending.set(false);
      await this.load();
    }
  }

  protected async setOpen(open: boolean): Promise<void> {
    try {
      await this.service.setOpen(this.id(), open);
      await this.load();
    } catch (error) {
      this.error.set(toApiError(error, this.t).title);
    }
  }
}
