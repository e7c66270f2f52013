import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import type { FamilyFileView, GuardianView } from '@ardoise/contracts';
import { toApiError } from '../../../../core/api-error';
import { MESSAGES } from '../../../../i18n/messages';
import { BO_MESSAGES } from '../../../../i18n/back-office/back-office-messages';
import { BackOfficeContext } from '../../../../back-office/shell/back-office-context';
import { shortInstant, numericDate } from '../../../../shared/formats';
import { ActForFamilyComponent } from '../act/act-for-family.component';
import { FamiliesService } from '../families.service';

/** A family's file as the agents see it: people, health data, QF, mandate, invitations; and acting for it. */
@Component({
  selector: 'ard-family-file-page',
  imports: [FormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatInputModule, ActForFamilyComponent],
  templateUrl: './family-file-page.component.html',
  styleUrl: './family-file-page.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FamilyFilePageComponent {
  protected readonly t = inject(BO_MESSAGES);
  private readonly common = inject(MESSAGES);
  protected readonly context = inject(BackOfficeContext);
  private readonly families = inject(FamiliesService);
  protected readonly numericDate = numericDate;
  protected readonly shortInstant = shortInstant;

  readonly familyId = input.required<string>();
  protected readonly family = signal<FamilyFileView | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly notice = signal<string | null>(null);
  protected readonly name = computed(() => this.family()?.familyName ?? this.t.unnamedFamily);
  protected readonly invitationExpired = computed(() => {
    const until = this.family()?.invitation?.expiresAt;
    return !!until && new Date(until).getTime() < Date.now();
  });
  protected resendEmail = '';
  protected readonly loginEmails: Record<string, string> = {};

  constructor() {
    effect(() => void this.load(this.familyId()));
  }

  protected async load(familyId: string): Promise<void> {
    try {
      const family = await this.families.file(familyId);
      this.family.set(family);
      for (const g of family.guardians) this.loginEmails[g.guardianId] ??= g.email ?? '';
    } catch (error) {
      this.error.set(toApiError(error, this.common).title);
    }
  }

  protected phones(g: GuardianView): string {
    const f = this.t.families.file;
    return [g.mobilePhone && `${g.mobilePhone} (${f.mobile})`, g.homePhone && `${g.homePhone} (${f.home})`, g.workPhone && `${g.workPhone} (${f.work})`]
      .filter(Boolean)
      .join(', ');
  }

  protected async resend(): Promise<void> {
    await this.act(async () => {
      const result = await this.families.resendInvitation(this.familyId(), this.resendEmail.trim() || null);
      this.resendEmail = '';
      return this.t.families.file.resent(shortInstant(result.expiresAt));
    });
  }

  protected async inviteLogin(g: GuardianView): Promise<void> {
    await this.act(async () => {
      const result = await this.families.inviteGuardianLogin(this.familyId(), g.guardianId, this.loginEmails[g.guardianId]?.trim() || null);
      return this.t.families.file.inviteLoginSent(shortInstant(result.expiresAt));
    });
  }

  private async act(run: () => Promise<string>): Promise<void> {
    this.error.set(null);
    this.notice.set(null);
    try {
      this.notice.set(await run());
      await this.load(this.familyId());
    } catch (error) {
      const apiError = toApiError(error, this.common);
      this.error.set([apiError.title, ...Object.values(apiError.fieldErrors).flat()].join(' '));
    }
  }
}
