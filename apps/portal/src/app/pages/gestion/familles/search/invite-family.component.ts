import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { toApiError } from '../../../../core/api-error';
import { MESSAGES } from '../../../../i18n/messages';
import { BO_MESSAGES } from '../../../../i18n/back-office/back-office-messages';
import { shortInstant } from '../../../../shared/formats';
import { FamiliesService } from '../families.service';

/** Invite a family by e-mail: it gets a single-use link to create its account. */
@Component({
  selector: 'ard-invite-family',
  imports: [FormsModule, RouterLink, MatFormFieldModule, MatInputModule, MatButtonModule],
  template: `
    <section class="panel" aria-labelledby="invite-heading">
      <h2 id="invite-heading">{{ t.families.invite.heading }}</h2>
      <p>{{ t.families.invite.intro }}</p>
      <form class="bo-toolbar-row" (ngSubmit)="send()">
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ t.families.invite.email }}</mat-label>
          <input matInput name="email" type="email" required autocomplete="off" [(ngModel)]="email" />
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ t.families.invite.familyName }}</mat-label>
          <input matInput name="familyName" autocomplete="off" [(ngModel)]="familyName" />
        </mat-form-field>
        <button mat-flat-button type="submit" [disabled]="sending()">{{ t.families.invite.submit }}</button>
      </form>
      <div role="status">
        @if (sent(); as s) {
          <p class="bo-ok">
            {{ t.families.invite.sent(s.email, s.until) }} <a [routerLink]="['/gestion/familles', s.familyId]">{{ t.families.invite.open }}</a>
          </p>
        }
      </div>
      @if (error(); as message) {
        <p class="bo-error" role="alert">{{ message }}</p>
      }
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InviteFamilyComponent {
  protected readonly t = inject(BO_MESSAGES);
  private readonly common = inject(MESSAGES);
  private readonly families = inject(FamiliesService);
  protected email = '';
  protected familyName = '';
  protected readonly sending = signal(false);
  protected readonly sent = signal<{ email: string; until: string; familyId: string } | null>(null);
  protected readonly error = signal<string | null>(null);

  protected async send(): Promise<void> {
    this.error.set(null);
    this.sent.set(null);
    this.sending.set(true);
    try {
      const result = await this.families.invite(this.email.trim(), this.familyName.trim() || null);
      this.sent.set({ email: this.email.trim(), until: shortInstant(result.expiresAt), familyId: result.familyId });
      this.email = '';
      this.familyName = '';
    } catch (error) {
      const apiError = toApiError(error, this.common);
      this.error.set([apiError.title, ...Object.values(apiError.fieldErrors).flat()].join(' '));
    } finally {
      this.sending.set(false);
    }
  }
}
