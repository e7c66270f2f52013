import { ChangeDetectionStrategy, Component, OnInit, inject, signal, viewChild } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import type { RequestSummaryView } from '@ardoise/contracts';
import { toApiError } from '../../core/api-error';
import { MESSAGES } from '../../i18n/messages';
import { numericDate } from '../../shared/formats';
import { ChoiceFieldComponent } from '../../shared/forms/choice-field.component';
import { ErrorSummaryComponent, type SummaryItem } from '../../shared/forms/error-summary.component';
import { applyServerErrors } from '../../shared/forms/server-errors';
import { summarize } from '../../shared/forms/summary';
import { TextFieldComponent } from '../../shared/forms/text-field.component';
import { FilePickerComponent } from './file-picker.component';
import { RequestsService } from './requests.service';

/** Mes demandes: the family's threads with the town, and a new one (with a file or a photo). */
@Component({
  selector: 'ard-requests-page',
  imports: [ReactiveFormsModule, RouterLink, TextFieldComponent, ChoiceFieldComponent, ErrorSummaryComponent, FilePickerComponent],
  templateUrl: './requests-page.component.html',
  styleUrl: './requests.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RequestsPageComponent implements OnInit {
  protected readonly t = inject(MESSAGES);
  protected readonly r = this.t.requests;
  private readonly service = inject(RequestsService);
  private readonly router = inject(Router);
  protected readonly numericDate = numericDate;

  protected readonly requests = signal<RequestSummaryView[] | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly formOpen = signal(false);
  protected readonly sending = signal(false);
  protected readonly errorTitle = signal<string | null>(null);
  protected readonly errorItems = signal<SummaryItem[]>([]);
  protected readonly file = signal<File | null>(null);
  private readonly picker = viewChild(FilePickerComponent);

  protected readonly topics = Object.entries(this.r.topics).map(([value, label]) => ({ value, label }));
  protected readonly form = new FormGroup({
    topic: new FormControl('certificate', { nonNullable: true, validators: [Validators.required] }),
    subject: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(200)] }),
    body: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(10_000)] }),
  });

  async ngOnInit(): Promise<void> {
    try {
      this.requests.set(await this.service.list());
    } catch (error) {
      this.error.set(toApiError(error, this.t).title);
    }
  }

  private fields() {
    const c = this.form.controls;
    return [
      { control: c.topic, fieldId: 'request-topic', label: this.r.topic },
      { control: c.subject, fieldId: 'request-subject', label: this.r.subject },
      { control: c.body, fieldId: 'request-body', label: this.r.message },
    ];
  }

  protected async submit(): Promise<void> {
    this.errorTitle.set(null);
    this.form.markAllAsTouched();
    if (this.form.invalid) {
      this.errorTitle.set(this.t.errors.formTitle);
      this.errorItems.set(summarize(this.fields(), this.t));
      return;
    }
    this.sending.set(true);
    try {
      const v = this.form.getRawValue();
      // The message and its file go together or not at all: a refused file leaves nothing posted.
      const { requestId } = await this.service.open({ topic: v.topic, subject: v.subject.trim(), body: v.body.trim() }, this.file());
      await this.router.navigate(['/demandes', requestId], { queryParams: { nouvelle: 1 } });
    } catch (error) {
      const apiError = toApiError(error, this.t);
      if (apiError.status === 413 || apiError.status === 415) {
        this.picker()?.fail(apiError.title);
        this.errorTitle.set(apiError.title);
        this.errorItems.set([]);
        return;
      }
      const unmatched = applyServerErrors(apiError, this.form.controls);
      this.errorTitle.set(apiError.hasFieldErrors ? this.t.errors.formTitle : apiError.title);
      this.errorItems.set([...summarize(this.fields(), this.t), ...unmatched.map((message) => ({ message }))]);
    } finally {
      this.sending.set(false);
    }
  }
}
