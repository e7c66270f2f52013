import { NgTemplateOutlet } from '@angular/common';
import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, Injector, OnInit, afterNextRender, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import type { ChildView, FamilyFileView, GuardianView } from '@ardoise/contracts';
import { firstValueFrom } from 'rxjs';
import { API } from '../../core/api';
import { toApiError } from '../../core/api-error';
import { SessionService } from '../../core/session.service';
import { MESSAGES } from '../../i18n/messages';
import { fullDate, numericDate } from '../../shared/formats';
import { ChildFieldsComponent } from '../../shared/family/child-fields.component';
import { type ChildForm, type GuardianForm, childForm, childPayload, controlsByPath, guardianForm, guardianPayload } from '../../shared/family/family-forms';
import { GuardianFieldsComponent } from '../../shared/family/guardian-fields.component';
import { ErrorSummaryComponent, type SummaryItem } from '../../shared/forms/error-summary.component';
import { applyServerErrors } from '../../shared/forms/server-errors';
import { summarizePaths } from '../../shared/forms/summary';
import { TextFieldComponent } from '../../shared/forms/text-field.component';

/** What is being edited; `name` titles the form (« Modifier Léa Martin »). */
type Editing =
  | { kind: 'guardian'; id: string | null; name: string; contact: boolean; form: GuardianForm }
  | { kind: 'child'; id: string | null; name: string; form: ChildForm }
  | { kind: 'invite'; id: string; name: string; email: FormControl<string> };

/** Mon foyer: the guardians and children as the town knows them, editable; Responsable 2's own login. */
@Component({
  selector: 'ard-household-page',
  imports: [NgTemplateOutlet, ReactiveFormsModule, GuardianFieldsComponent, ChildFieldsComponent, ErrorSummaryComponent, TextFieldComponent],
  templateUrl: './household-page.component.html',
  styleUrl: './household-page.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HouseholdPageComponent implements OnInit {
  protected readonly t = inject(MESSAGES);
  /** Polling loops stop once the page is left. */
  protected readonly h = this.t.household;
  private readonly http = inject(HttpClient);
  private readonly familyId = inject(SessionService).familyId;
  private readonly injector = inject(Injector);
  protected readonly fullDate = fullDate;
  protected readonly numericDate = numericDate;

  protected readonly family = signal<FamilyFileView | null>(null);
  protected readonly editing = signal<Editing | null>(null);
  protected readonly sending = signal(false);
  protected readonly notice = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly errorTitle = signal<string | null>(null);
  protected readonly errorItems = signal<SummaryItem[]>([]);

  async ngOnInit(): Promise<void> {
    await this.load();
  }

  private async load(): Promise<void> {
    try {
      this.family.set(await firstValueFrom(this.http.get<FamilyFileView>(`${API}/families/${this.familyId()}`)));
    } catch (error) {
      this.error.set(toApiError(error, this.t).title);
    }
  }

  protected nameOf(person: { firstName: string | null; lastName: string | null }): string {
    return [person.firstName, person.lastName].filter(Boolean).join(' ');
  }

  protected phones(guardian: GuardianView): string {
    return [guardian.mobilePhone, guardian.homePhone, guardian.workPhone].filter(Boolean).join(' · ');
  }

  protected editGuardian(guardian: GuardianView | null): void {
    const contact = guardian?.rank === 1;
    this.open({
      kind: 'guardian',
      id: guardian?.guardianId ?? null,
      name: guardian ? this.nameOf(guardian) : '',
      contact,
      form: guardianForm(this.t, guardian ?? { lastName: this.family()?.familyName ?? '' }, contact),
    });
  }

  protected editChild(child: ChildView | null): void {
    this.open({
      kind: 'child',
      id: child?.childId ?? null,
      name: child ? this.nameOf(child) : '',
      form: childForm(this.t, child ?? { lastName: this.family()?.familyName ?? '' }),
    });
  }

  protected invite(guardian: GuardianView): void {
    this.open({
      kind: 'invite',
      id: guardian.guardianId,
      name: this.nameOf(guardian),
      email: new FormControl(guardian.email ?? '', { nonNullable: true, validators: [Validators.email] }),
    });
  }

  /** Is the form open for this person (`id`), or for a new one (`null`)? */
  protected editsHere(kind: Editing['kind'], id: string | null): boolean {
    const editing = this.editing();
    return editing?.kind === kind && editing.id === id;
  }

  protected editorTitle(editing: Editing): string {
    if (editing.kind === 'invite') return this.h.login.inviteTitle(editing.name);
    if (!editing.id) return editing.kind === 'guardian' ? this.h.addGuardian : this.h.addChild;
    return this.h.edit(editing.name);
  }

  protected close(): void {
    this.editing.set(null);
    this.errorTitle.set(null);
  }

  private open(editing: Editing): void {
    this.notice.set(null);
    this.errorTitle.set(null);
    this.editing.set(editing);
    afterNextRender(() => document.getElementById('editor-heading')?.focus(), { injector: this.injector });
  }

  protected async save(): Promise<void> {
    const editing = this.editing();
    if (!editing) return;
    const form = editing.kind === 'invite' ? editing.email : editing.form;
    const byPath = controlsByPath(form, 'editor');
    form.markAllAsTouched();
    if (form.invalid) {
      this.errorTitle.set(this.t.errors.formTitle);
      this.errorItems.set(summarizePaths(byPath, this.t));
      return;
    }
    const base = `${API}/families/${this.familyId()}`;
    const [method, url, body, done] = this.request(editing, base);
    this.sending.set(true);
    try {
      await firstValueFrom(this.http.request(method, url, { body }));
      this.editing.set(null);
      this.errorTitle.set(null);
      this.notice.set(done);
      await this.load(); // shows the change: the read waits for the writes (core/api.ts)
    } catch (error) {
      const apiError = toApiError(error, this.t);
      const unmatched = applyServerErrors(apiError, editing.kind === 'invite' ? { email: editing.email } : controlsByPath(form, ''));
      this.errorTitle.set(apiError.hasFieldErrors ? this.t.errors.formTitle : apiError.title);
      this.errorItems.set([...summarizePaths(byPath, this.t), ...unmatched.map((message) => ({ message }))]);
    } finally {
      this.sending.set(false);
    }
  }

  private request(editing: Editing, base: string): [string, string, unknown, string] {
    if (editing.kind === 'invite') {
      const name = this.nameOf(this.family()!.guardians.find((g) => g.guardianId === editing.id)!);
      return ['POST', `${base}/guardians/${editing.id}/login-invitation`, { email: editing.email.value.trim() || null }, this.h.login.sent(name)];
    }
    if (editing.kind === 'guardian') {
      const body = guardianPayload(editing.form);
      return editing.id ? ['PUT', `${base}/guardians/${editing.id}`, body, this.h.saved] : ['POST', `${base}/guardians`, body, this.h.guardianAdded];
    }
    const body = childPayload(editing.form);
    return editing.id ? ['PUT', `${base}/children/${editing.id}`, body, this.h.saved] : ['POST', `${base}/children`, body, this.h.childAdded(body.firstName)];
  }
}
