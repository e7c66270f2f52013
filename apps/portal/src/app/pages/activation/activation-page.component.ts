import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, ElementRef, Injector, OnInit, afterNextRender, inject, input, signal, viewChild } from '@angular/core';
import { type AbstractControl, FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import type { ActivationLink, SignedIn } from '@ardoise/contracts';
import { firstValueFrom } from 'rxjs';
import { API } from '../../core/api';
import { type ApiError, toApiError } from '../../core/api-error';
import { SessionService } from '../../core/session.service';
import { MESSAGES } from '../../i18n/messages';
import { ChildFieldsComponent } from '../../shared/family/child-fields.component';
import { childForm, childPayload, controlsByPath, guardianForm, guardianPayload } from '../../shared/family/family-forms';
import { GuardianFieldsComponent } from '../../shared/family/guardian-fields.component';
import { ErrorSummaryComponent, type SummaryItem } from '../../shared/forms/error-summary.component';
import { applyServerErrors } from '../../shared/forms/server-errors';
import { summarizePaths } from '../../shared/forms/summary';
import { TextFieldComponent } from '../../shared/forms/text-field.component';
import { passwordPolicy, sameAs } from '../../shared/forms/validators';

/** The API's name for each step's body, and the step's check endpoint. */
const STEPS = [
  { key: 'account', endpoint: 'family-account' },
  { key: 'guardians', endpoint: 'guardians' },
  { key: 'children', endpoint: 'children' },
] as const;

/**
 * The guide's account creation (1.2), from the activation link /activation/<token>:
 * Compte famille → Responsables → Enfants. Each "Suivant" asks the server to check the
 * step (nothing is stored); "S'enregistrer" creates everything and signs the parent in.
 */
@Component({
  selector: 'ard-activation-page',
  imports: [ReactiveFormsModule, RouterLink, TextFieldComponent, ErrorSummaryComponent, GuardianFieldsComponent, ChildFieldsComponent],
  templateUrl: './activation-page.component.html',
  styleUrl: './activation-page.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActivationPageComponent implements OnInit {
  protected readonly t = inject(MESSAGES);
  protected readonly w = this.t.family.wizard;
  private readonly http = inject(HttpClient);
  private readonly session = inject(SessionService);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  readonly token = input.required<string>();

  protected readonly phase = signal<'checking' | 'dead' | 'wizard' | 'cancelled' | 'done'>('checking');
  protected readonly deadReason = signal<string>('');
  protected readonly step = signal(0);
  protected readonly sending = signal(false);
  protected readonly errorTitle = signal<string | null>(null);
  protected readonly errorItems = signal<SummaryItem[]>([]);
  protected readonly welcomeName = signal('');
  private readonly stepHeading = viewChild<ElementRef<HTMLElement>>('stepHeading');

  protected readonly account = new FormGroup({
    familyName: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(100)] }),
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required, passwordPolicy(this.t.forms.passwordPolicy)] }),
    passwordConfirmation: new FormControl('', { nonNullable: true, validators: [Validators.required, sameAs('password', this.t.forms.passwordMismatch)] }),
  });
  protected readonly hasSecondGuardian = new FormControl(false, { nonNullable: true });
  protected readonly guardians = new FormGroup({ responsable1: guardianForm(this.t, undefined, true), responsable2: guardianForm(this.t) });
  protected readonly children = new FormGroup({ children: new FormArray([childForm(this.t)]) });
  protected readonly secondShown = signal(false);

  async ngOnInit(): Promise<void> {
    try {
      const link = await firstValueFrom(this.http.get<ActivationLink>(`${API}/activations/${encodeURIComponent(this.token())}`));
      this.account.patchValue({ email: link.email, familyName: link.familyName ?? '' });
      this.phase.set('wizard');
    } catch (error) {
      this.deadReason.set(toApiError(error, this.t).title);
      this.phase.set('dead');
    }
  }

  protected get childForms() {
    return this.children.controls.children;
  }

  protected toggleSecondGuardian(): void {
    this.secondShown.set(this.hasSecondGuardian.value);
  }

  protected addChild(): void {
    const lastName = this.account.controls.familyName.value;
    this.childForms.push(childForm(this.t, { lastName }));
    this.afterRender(() => document.getElementById(`children-children-${this.childForms.length - 1}-firstName`)?.focus());
  }

  protected removeChild(index: number): void {
    this.childForms.removeAt(index);
    this.afterRender(() => document.getElementById('add-child')?.focus());
  }

  protected childName(index: number): string {
    const c = this.childForms.at(index).getRawValue();
    return `${c.firstName} ${c.lastName}`.trim();
  }

  /** The controls of a step (or all), keyed by the API's full field path. */
  private controls(step?: number): Record<string, AbstractControl> {
    const all: Record<string, AbstractControl> = {};
    if (step === undefined || step === 0) controlsByPath(this.account, 'account', all);
    if (step === undefined || step === 1) {
      controlsByPath(this.guardians.controls.responsable1, 'guardians.responsable1', all);
      if (this.secondShown()) controlsByPath(this.guardians.controls.responsable2, 'guardians.responsable2', all);
    }
    if (step === undefined || step === 2) controlsByPath(this.children, 'children', all);
    return all;
  }

  private body() {
    return {
      account: this.account.getRawValue(),
      guardians: {
        responsable1: guardianPayload(this.guardians.controls.responsable1),
        responsable2: this.secondShown() ? guardianPayload(this.guardians.controls.responsable2) : null,
      },
      children: { children: this.childForms.controls.map(childPayload) },
    };
  }

  protected async next(): Promise<void> {
    const step = this.step();
    if (!this.clientCheck(step)) return;
    const key = STEPS[step]!.key;
    this.sending.set(true);
    try {
      await firstValueFrom(this.http.post(`${API}/activations/${encodeURIComponent(this.token())}/steps/${STEPS[step]!.endpoint}`, this.body()[key]));
      if (step < 2) this.goTo(step + 1);
      else await this.register();
    } catch (error) {
      this.showServerErrors(toApiError(error, this.t), key);
    } finally {
      this.sending.set(false);
    }
  }

  protected previous(): void {
    this.goTo(this.step() - 1);
  }

  protected cancel(): void {
    if (window.confirm(this.w.cancelConfirm)) this.phase.set('cancelled');
  }

  private async register(): Promise<void> {
    try {
      const me = await firstValueFrom(this.http.post<SignedIn>(`${API}/activations/${encodeURIComponent(this.token())}`, this.body()));
      this.session.signedIn(me);
      this.welcomeName.set(this.guardians.controls.responsable1.controls.firstName.value || me.displayName);
      this.phase.set('done');
      this.afterRender(() => document.querySelector<HTMLElement>('h1')?.focus());
    } catch (error) {
      this.showServerErrors(toApiError(error, this.t));
    }
  }

  protected enter(): void {
    void this.router.navigateByUrl('/reservations');
  }

  private clientCheck(step: number): boolean {
    this.errorTitle.set(null);
    const controls = this.controls(step);
    for (const control of Object.values(controls)) {
      control.markAsTouched();
      control.updateValueAndValidity();
    }
    const items = summarizePaths(controls, this.t);
    if (items.length === 0) return true;
    this.errorTitle.set(this.t.errors.formTitle);
    this.errorItems.set(items);
    return false;
  }

  /** Field errors go to their fields (the step's answer has paths relative to the step), and the wizard shows the first step in error. */
  private showServerErrors(error: ApiError, stepKey?: string): void {
    const controls = this.controls();
    const relative = stepKey ? Object.fromEntries(Object.entries(controls).map(([path, c]) => [path.slice(stepKey.length + 1), c])) : controls;
    const unmatched = applyServerErrors(error, relative);
    const firstInError = STEPS.findIndex((s, i) => Object.keys(this.controls(i)).some((p) => controls[p]?.invalid && p.startsWith(s.key)));
    if (firstInError >= 0 && firstInError !== this.step()) this.step.set(firstInError);
    const summarize = () => [...summarizePaths(this.controls(this.step()), this.t), ...unmatched.map((message) => ({ message }))];
    this.errorTitle.set(error.hasFieldErrors ? this.t.errors.formTitle : error.title);
    this.errorItems.set(summarize());
    // Labels are read from the page: read them again once the step in error is shown.
    this.afterRender(() => this.errorItems.set(summarize()));
    if (error.code === 'LINK.INVALID') {
      this.deadReason.set(error.title);
      this.phase.set('dead');
    }
  }

  private goTo(step: number): void {
    this.errorTitle.set(null);
    this.step.set(step);
    if (step === 1 && !this.guardians.controls.responsable1.controls.lastName.value) {
      this.guardians.controls.responsable1.patchValue({ lastName: this.account.controls.familyName.value });
    }
    if (step === 2) {
      const first = this.childForms.at(0);
      if (!first.controls.lastName.value) first.patchValue({ lastName: this.account.controls.familyName.value });
    }
    this.afterRender(() => this.stepHeading()?.nativeElement.focus());
  }

  /** Once the page shows the new state (focus, labels read from the page). */
  private afterRender(fn: () => void): void {
    afterNextRender(fn, { injector: this.injector });
  }
}
